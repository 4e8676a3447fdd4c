package dev.agentauth.adapters.scheduling;

import dagger.Module;
import dagger.Provides;
import dev.agentauth.application.scheduling.RunLedger;
import dev.agentauth.config.DynamoDbModule;
import java.time.Clock;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The run ledger of scheduled jobs, in the data table. */
@Module(includes = DynamoDbModule.class)
public final class RunLedgerModule {

    private RunLedgerModule() {}

    @Provides
    @Singleton
    static RunLedger ledger(DynamoDbClient dynamo, @Named("tableName") String table, Clock clock) {
        return new DynamoRunLedger(dynamo, table, clock);
    }
}
