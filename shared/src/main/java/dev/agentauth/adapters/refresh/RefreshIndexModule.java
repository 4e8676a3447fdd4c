package dev.agentauth.adapters.refresh;

import dagger.Module;
import dagger.Provides;
import dev.agentauth.application.refresh.DueAccounts;
import dev.agentauth.application.refresh.RefreshSettings;
import dev.agentauth.config.DynamoDbModule;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The refresh-due index and how a run works through it. */
@Module(includes = DynamoDbModule.class)
public final class RefreshIndexModule {

    private RefreshIndexModule() {}

    @Provides
    @Singleton
    static DueAccounts dueAccounts(DynamoDbClient dynamo, @Named("tableName") String table,
            @Named("refreshShards") int shards) {
        return new DynamoDueAccounts(dynamo, table, shards);
    }

    @Provides
    static RefreshSettings settings() {
        return RefreshSettings.DEFAULTS;
    }
}
