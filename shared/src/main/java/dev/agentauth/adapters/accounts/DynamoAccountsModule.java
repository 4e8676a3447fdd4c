package dev.agentauth.adapters.accounts;

import dagger.Module;
import dagger.Provides;
import dev.agentauth.application.accounts.AccountRepository;
import dev.agentauth.application.accounts.OAuthStateStore;
import dev.agentauth.config.DynamoDbModule;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Accounts and OAuth states in the DynamoDB table. */
@Module(includes = DynamoDbModule.class)
public final class DynamoAccountsModule {

    private DynamoAccountsModule() {}

    @Provides
    @Singleton
    static AccountRepository accounts(DynamoDbClient dynamo, @Named("tableName") String table,
            @Named("refreshShards") int shards) {
        return new DynamoAccountRepository(dynamo, table, shards);
    }

    @Provides
    @Singleton
    static OAuthStateStore states(DynamoDbClient dynamo, @Named("tableName") String table) {
        return new DynamoOAuthStateStore(dynamo, table);
    }
}
