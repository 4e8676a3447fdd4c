package dev.agentauth.adapters.rotation;

import dagger.Module;
import dagger.Provides;
import dev.agentauth.application.rotation.RotationDueIndex;
import dev.agentauth.application.rotation.RotationRecords;
import dev.agentauth.config.DynamoDbModule;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Credential rotation records and rotation-due notices in the data table. */
@Module(includes = DynamoDbModule.class)
public final class RotationRecordsModule {

    private RotationRecordsModule() {}

    @Provides
    @Singleton
    static RotationRecords records(DynamoDbClient dynamo, @Named("tableName") String table) {
        return new DynamoRotationRecords(dynamo, table);
    }

    @Provides
    @Singleton
    static RotationDueIndex dueIndex(DynamoDbClient dynamo, @Named("tableName") String table) {
        return new DynamoRotationDueIndex(dynamo, table);
    }
}
