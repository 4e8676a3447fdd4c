package dev.agentauth.accounts;

import dev.agentauth.testkit.AwsEndpoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * A fresh copy of the stack's data resources in the emulator, shaped as template.yaml declares
 * them (table with gsi1 and refresh-due, KMS key with alias, event bus), and the environment
 * a handler needs to use them.
 */
public record AccountsTestStack(AwsEndpoint endpoint, String table, String keyAlias, String keyId, String bus) {

    public static AccountsTestStack create(AwsEndpoint endpoint) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String table = "agentauth-" + suffix;
        try (DynamoDbClient dynamo = dynamo(endpoint)) {
            dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attr("pk"), attr("sk"), attr("gsi1pk"), attr("gsi1sk"), attr("due_shard"), attr("due_at"))
                    .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                    .globalSecondaryIndexes(
                            GlobalSecondaryIndex.builder().indexName("gsi1")
                                    .keySchema(key("gsi1pk", KeyType.HASH), key("gsi1sk", KeyType.RANGE))
                                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build(),
                            GlobalSecondaryIndex.builder().indexName("refresh-due")
                                    .keySchema(key("due_shard", KeyType.HASH), key("due_at", KeyType.RANGE))
                                    .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
        }
        String alias = "alias/agentauth-" + suffix;
        String keyId;
        try (KmsClient kms = kms(endpoint)) {
            keyId = kms.createKey(b -> b.description("test stack key")).keyMetadata().keyId();
            kms.createAlias(b -> b.aliasName(alias).targetKeyId(keyId));
        }
        String bus = "agentauth-" + suffix;
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(endpoint.url())
                .region(Region.of(endpoint.region())).credentialsProvider(credentials(endpoint))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            events.createEventBus(b -> b.name(bus));
        }
        return new AccountsTestStack(endpoint, table, alias, keyId, bus);
    }

    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(endpoint.environment());
        env.put("AGENTAUTH_TABLE_NAME", table);
        env.put("AGENTAUTH_KMS_KEY_ID", keyAlias);
        env.put("AGENTAUTH_EVENT_BUS_NAME", bus);
        env.put("AGENTAUTH_SECRET_PREFIX", "agentauth/" + table + "/");
        env.put("AGENTAUTH_ALLOW_PRIVATE_TARGETS", "true");
        return env;
    }

    public DynamoDbClient dynamo() {
        return dynamo(endpoint);
    }

    public KmsClient kms() {
        return kms(endpoint);
    }

    public static DynamoDbClient dynamo(AwsEndpoint endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint.url()).region(Region.of(endpoint.region()))
                .credentialsProvider(credentials(endpoint)).httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static KmsClient kms(AwsEndpoint endpoint) {
        return KmsClient.builder().endpointOverride(endpoint.url()).region(Region.of(endpoint.region()))
                .credentialsProvider(credentials(endpoint)).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static StaticCredentialsProvider credentials(AwsEndpoint endpoint) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(endpoint.accessKeyId(), endpoint.secretAccessKey()));
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

}
