package dev.agentauth.bench.launcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The SDK floor: a bare handler that builds the same SDK clients as the functions (URL-connection
 * HTTP client, region and environment credentials set explicitly, endpoint override for the
 * emulator) and makes the given AWS calls ({@code BENCH_FLOOR_CALLS}, e.g.
 * {@code DynamoDb.GetItem,Kms.Decrypt}) with no Dagger, Powertools or Jackson data binding:
 * it reads the event as bytes and answers a constant. What a function costs above this is
 * framework overhead.
 */
public final class SdkFloorHandler implements RequestStreamHandler {

    private static final byte[] RESPONSE = "{\"statusCode\":200,\"headers\":{},\"body\":\"{}\",\"isBase64Encoded\":false}"
            .getBytes(StandardCharsets.UTF_8);

    private final List<Runnable> calls = new ArrayList<>();
    private final Map<String, String> environment;
    private final String table;
    private final String keyId;
    private final String bus;
    private final String secretPrefix;
    private DynamoDbClient dynamoDb;
    private KmsClient kms;
    private SecretsManagerClient secrets;
    private EventBridgeClient events;

    public SdkFloorHandler() {
        this(System.getenv());
    }

    /** With the given environment instead of the process's (for a floor run inside the bench's own JVM). */
    public SdkFloorHandler(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.table = environment.get("AGENTAUTH_TABLE_NAME");
        this.keyId = environment.get("AGENTAUTH_KMS_KEY_ID");
        this.bus = environment.get("AGENTAUTH_EVENT_BUS_NAME");
        this.secretPrefix = environment.get("AGENTAUTH_SECRET_PREFIX");
        String spec = environment.getOrDefault("BENCH_FLOOR_CALLS", "");
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(10)).build();
        Region region = Region.of(environment.get("AWS_REGION"));
        URI endpoint = URI.create(environment.get("AWS_ENDPOINT_URL"));
        AwsCredentialsProvider credentials = environment == System.getenv() ? EnvironmentVariableCredentialsProvider.create()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(environment.get("AWS_ACCESS_KEY_ID"),
                        environment.get("AWS_SECRET_ACCESS_KEY")));
        for (String call : spec.split(",")) {
            if (call.isBlank()) continue;
            String service = call.substring(0, call.indexOf('.'));
            String operation = call.substring(call.indexOf('.') + 1);
            switch (service.toLowerCase(java.util.Locale.ROOT).replace(" ", "")) {
                case "dynamodb" -> {
                    if (dynamoDb == null) dynamoDb = DynamoDbClient.builder().httpClient(http).region(region)
                            .credentialsProvider(credentials).endpointOverride(endpoint).build();
                    calls.add(dynamoDb(operation));
                }
                case "kms" -> {
                    if (kms == null) kms = KmsClient.builder().httpClient(http).region(region)
                            .credentialsProvider(credentials).endpointOverride(endpoint).build();
                    calls.add(kms(operation));
                }
                case "secretsmanager" -> {
                    if (secrets == null) secrets = SecretsManagerClient.builder().httpClient(http).region(region)
                            .credentialsProvider(credentials).endpointOverride(endpoint).build();
                    calls.add(secretsManager(operation));
                }
                case "eventbridge" -> {
                    if (events == null) events = EventBridgeClient.builder().httpClient(http).region(region)
                            .credentialsProvider(credentials).endpointOverride(endpoint).build();
                    calls.add(() -> events.putEvents(r -> r.entries(PutEventsRequestEntry.builder()
                            .eventBusName(bus).source("agentauth.bench").detailType("bench")
                            .detail("{\"floor\":true}").build())));
                }
                default -> throw new IllegalArgumentException("no floor call for " + call);
            }
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        for (Runnable call : calls) {
            try {
                call.run();
            } catch (AwsServiceException answered) {
                // the call was made and answered (e.g. a not-found delete): that is what the floor costs
            }
        }
        output.write(RESPONSE);
    }

    private static Map<String, AttributeValue> key(String sk) {
        return Map.of("pk", AttributeValue.fromS("BENCH#floor"), "sk", AttributeValue.fromS(sk));
    }

    private static Map<String, AttributeValue> item(String sk) {
        return Map.of("pk", AttributeValue.fromS("BENCH#floor"), "sk", AttributeValue.fromS(sk),
                "name", AttributeValue.fromS("floor item"), "version", AttributeValue.fromN("1"));
    }

    private Runnable dynamoDb(String operation) {
        return switch (operation) {
            case "Query" -> () -> dynamoDb.query(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("BENCH#floor"))).limit(25));
            case "PutItem" -> () -> dynamoDb.putItem(r -> r.tableName(table).item(item("ITEM#" + UUID.randomUUID())));
            case "UpdateItem" -> () -> dynamoDb.updateItem(r -> r.tableName(table).key(key("ITEM"))
                    .updateExpression("SET #v = #v + :one").expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
            case "DeleteItem" -> () -> dynamoDb.deleteItem(r -> r.tableName(table).key(key("GONE#" + UUID.randomUUID())));
            case "TransactWriteItems" -> () -> dynamoDb.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(item("TX#" + UUID.randomUUID())).build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(item("TX#" + UUID.randomUUID())).build()).build()));
            case "BatchWriteItem" -> () -> dynamoDb.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
                    software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                            .putRequest(p -> p.item(item("BATCH#" + UUID.randomUUID()))).build()))));
            default -> () -> dynamoDb.getItem(r -> r.tableName(table).key(key("ITEM")));
        };
    }

    private Runnable kms(String operation) {
        return switch (operation) {
            case "Decrypt" -> {
                SdkBytes ciphertext = SdkBytes.fromByteArray(Base64.getDecoder().decode(environment.get("BENCH_FLOOR_CIPHERTEXT")));
                yield () -> kms.decrypt(r -> r.ciphertextBlob(ciphertext).keyId(keyId));
            }
            case "Encrypt" -> () -> kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("floor")));
            default -> () -> kms.generateDataKey(r -> r.keyId(keyId).keySpec(DataKeySpec.AES_256));
        };
    }

    private Runnable secretsManager(String operation) {
        String floorSecret = secretPrefix + "bench-floor";
        return switch (operation) {
            case "CreateSecret" -> () -> secrets.createSecret(r -> r.name(secretPrefix + "floor-" + UUID.randomUUID())
                    .kmsKeyId(keyId).secretString("{\"floor\":true}"));
            case "PutSecretValue" -> () -> secrets.putSecretValue(r -> r.secretId(floorSecret).secretString("{\"floor\":true}"));
            case "UpdateSecret" -> () -> secrets.updateSecret(r -> r.secretId(floorSecret).secretString("{\"floor\":true}"));
            case "DeleteSecret" -> () -> secrets.deleteSecret(r -> r.secretId(secretPrefix + "floor-" + UUID.randomUUID())
                    .recoveryWindowInDays(7L));
            case "DescribeSecret" -> () -> secrets.describeSecret(r -> r.secretId(floorSecret));
            default -> () -> secrets.getSecretValue(r -> r.secretId(floorSecret));
        };
    }
}
