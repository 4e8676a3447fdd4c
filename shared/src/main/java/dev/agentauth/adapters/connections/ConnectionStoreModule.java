package dev.agentauth.adapters.connections;

import dagger.Module;
import dagger.Provides;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.config.DynamoDbModule;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Connections in DynamoDB: needs only the DynamoDB client and the table name. */
@Module(includes = DynamoDbModule.class)
public final class ConnectionStoreModule {

    private ConnectionStoreModule() {}

    @Provides
    @Singleton
    static ConnectionRepository connections(DynamoDbClient dynamo, @Named("tableName") String table) {
        return new DynamoDbConnectionRepository(dynamo, table);
    }
}
