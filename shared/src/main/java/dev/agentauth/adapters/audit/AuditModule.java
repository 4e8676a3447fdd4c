package dev.agentauth.adapters.audit;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.audit.AuditTrail;
import dev.agentauth.config.DynamoDbModule;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The audit log (write) and audit trail (read), both in DynamoDB. */
@Module(includes = {DynamoDbModule.class, AuditModule.Bindings.class})
public final class AuditModule {

    private AuditModule() {}

    @Provides
    @Singleton
    static DynamoDbAuditLog auditLog(DynamoDbClient dynamo, @Named("tableName") String table) {
        return new DynamoDbAuditLog(dynamo, table);
    }

    @Module
    interface Bindings {
        @Binds
        AuditLog log(DynamoDbAuditLog log);

        @Binds
        AuditTrail trail(DynamoDbAuditLog log);
    }
}
