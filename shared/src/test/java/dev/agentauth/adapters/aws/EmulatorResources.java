package dev.agentauth.adapters.aws;

import dev.agentauth.config.AwsClients;
import dev.agentauth.config.Environment;
import dev.agentauth.testkit.AwsEndpoint;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
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
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A fresh set of the stack's resources on the emulator, named uniquely so tests never share
 * state: the data table with template.yaml's key schema and indexes (pk/sk, gsi1, refresh-due,
 * TTL on {@code ttl}), a KMS key with an alias, an event bus and a secret prefix.
 * {@link #environment()} is what a handler's {@code Environment} needs to use them.
 */
public final class EmulatorResources {

    private final AwsEndpoint endpoint;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String tableName = "agentauth-data-" + suffix;
    private final String busName = "agentauth-bus-" + suffix;
    private final String keyAlias = "alias/agentauth-" + suffix;
    private final String secretPrefix = "agentauth/test-" + suffix + "/";
    private final String keyArn;

    private EmulatorResources(AwsEndpoint endpoint) {
        this.endpoint = endpoint;
        createTable();
        try (KmsClient kms = kms()) {
            var key = kms.createKey(r -> r.description("agentauth test key " + suffix)).keyMetadata();
            kms.createAlias(r -> r.aliasName(keyAlias).targetKeyId(key.keyId()));
            keyArn = key.arn();
        }
        try (EventBridgeClient events = eventBridge()) {
            events.createEventBus(r -> r.name(busName));
        }
    }

    public static EmulatorResources create(AwsEndpoint endpoint) {
        return new EmulatorResources(endpoint);
    }

    /** The variables ConfigurationModule reads, pointing at these resources. */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(endpoint.environment());
        env.put("AGENTAUTH_TABLE_NAME", tableName);
        env.put("AGENTAUTH_EVENT_BUS_NAME", busName);
        env.put("AGENTAUTH_KMS_KEY_ID", keyAlias);
        env.put("AGENTAUTH_SECRET_PREFIX", secretPrefix);
        env.put("AGENTAUTH_SECRET_RECOVERY_DAYS", "7");
        env.put("AGENTAUTH_ALLOW_PRIVATE_TARGETS", "false");
        return env;
    }

    public Environment env() {
        return Environment.of(environment());
    }

    /** {@link #environment()} with some variables replaced. */
    public Environment env(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(environment());
        env.putAll(overrides);
        return Environment.of(env);
    }

    public AwsEndpoint endpoint() { return endpoint; }
    public String tableName() { return tableName; }
    public String busName() { return busName; }
    public String keyAlias() { return keyAlias; }
    public String keyArn() { return keyArn; }
    public String secretPrefix() { return secretPrefix; }

    public DynamoDbClient dynamo() {
        return AwsClients.build(DynamoDbClient.builder(), http(), region(), credentials(), Optional.of(endpoint.url()));
    }

    public SecretsManagerClient secrets() {
        return AwsClients.build(SecretsManagerClient.builder(), http(), region(), credentials(), Optional.of(endpoint.url()));
    }

    public KmsClient kms() {
        return AwsClients.build(KmsClient.builder(), http(), region(), credentials(), Optional.of(endpoint.url()));
    }

    public EventBridgeClient eventBridge() {
        return AwsClients.build(EventBridgeClient.builder(), http(), region(), credentials(), Optional.of(endpoint.url()));
    }

    private void createTable() {
        try (DynamoDbClient dynamo = dynamo()) {
            dynamo.createTable(r -> r.tableName(tableName).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attribute("pk"), attribute("sk"), attribute("gsi1pk"), attribute("gsi1sk"),
                            attribute("due_shard"), attribute("due_at"))
                    .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                    .globalSecondaryIndexes(
                            GlobalSecondaryIndex.builder().indexName("gsi1")
                                    .keySchema(key("gsi1pk", KeyType.HASH), key("gsi1sk", KeyType.RANGE))
                                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build(),
                            GlobalSecondaryIndex.builder().indexName("refresh-due")
                                    .keySchema(key("due_shard", KeyType.HASH), key("due_at", KeyType.RANGE))
                                    .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
            dynamo.waiter().waitUntilTableExists(r -> r.tableName(tableName));
            dynamo.updateTimeToLive(r -> r.tableName(tableName).timeToLiveSpecification(t -> t.attributeName("ttl").enabled(true)));
        }
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private SdkHttpClient http() {
        return UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build();
    }

    private Region region() {
        return Region.of(endpoint.region());
    }

    private StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(endpoint.accessKeyId(), endpoint.secretAccessKey()));
    }
}
