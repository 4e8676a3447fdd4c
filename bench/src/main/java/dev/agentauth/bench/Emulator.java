package dev.agentauth.bench;

import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.MotoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * moto started for this run, holding what template.yaml declares (tables with their indexes,
 * KMS keys and aliases, event buses), plus the few items the SDK floor reads. Resolves the
 * template's {@code !Ref}/{@code !Sub}/{@code !GetAtt} in environment variables to these
 * emulated resources.
 */
final class Emulator implements AutoCloseable {

    static final String STACK = "bench";
    static final String ACCOUNT = "123456789012";

    private final MotoServer moto;
    private final AwsEndpoint endpoint;
    private final Map<String, String> physicalIds = new HashMap<>();
    private final Map<String, String> parameters = new HashMap<>();
    private final Map<String, String> arns = new HashMap<>();
    private final SdkHttpClient http;
    final DynamoDbClient dynamoDb;
    final KmsClient kms;
    final SecretsManagerClient secrets;
    final EventBridgeClient events;
    private String floorCiphertext = "";

    private Emulator(MotoServer moto) {
        this.moto = moto;
        this.endpoint = moto.endpoint();
        this.http = UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(endpoint.accessKeyId(), endpoint.secretAccessKey()));
        Region region = Region.of(endpoint.region());
        this.dynamoDb = DynamoDbClient.builder().httpClient(http).region(region).credentialsProvider(credentials).endpointOverride(endpoint.url()).build();
        this.kms = KmsClient.builder().httpClient(http).region(region).credentialsProvider(credentials).endpointOverride(endpoint.url()).build();
        this.secrets = SecretsManagerClient.builder().httpClient(http).region(region).credentialsProvider(credentials).endpointOverride(endpoint.url()).build();
        this.events = EventBridgeClient.builder().httpClient(http).region(region).credentialsProvider(credentials).endpointOverride(endpoint.url()).build();
    }

    static Emulator start(Template template) {
        Emulator emulator = new Emulator(MotoServer.start());
        emulator.create(template);
        return emulator;
    }

    AwsEndpoint endpoint() {
        return endpoint;
    }

    private void create(Template template) {
        parameters.putAll(template.parameterDefaults());
        parameters.putIfAbsent("JwtIssuer", "https://issuer.bench.invalid/");
        parameters.putIfAbsent("JwtAudience", "agentauth-bench");
        for (String id : template.resourcesOfType("AWS::KMS::Key")) {
            String keyId = kms.createKey(r -> r.description("bench " + id)).keyMetadata().keyId();
            physicalIds.put(id, keyId);
            arns.put(id, "arn:aws:kms:" + endpoint.region() + ":" + ACCOUNT + ":key/" + keyId);
        }
        for (String id : template.resourcesOfType("AWS::KMS::Alias")) {
            Map<String, Object> properties = Template.map(template.resources().get(id).get("Properties"));
            String alias = resolve(properties.get("AliasName"));
            String target = resolve(properties.get("TargetKeyId"));
            kms.createAlias(r -> r.aliasName(alias).targetKeyId(target));
            physicalIds.put(id, alias);
        }
        for (String id : template.resourcesOfType("AWS::DynamoDB::Table")) {
            createTable(id, Template.map(template.resources().get(id).get("Properties")));
        }
        for (String id : template.resourcesOfType("AWS::Events::EventBus")) {
            Map<String, Object> properties = Template.map(template.resources().get(id).get("Properties"));
            String name = resolve(properties.getOrDefault("Name", "agentauth-" + STACK));
            events.createEventBus(r -> r.name(name));
            physicalIds.put(id, name);
            arns.put(id, "arn:aws:events:" + endpoint.region() + ":" + ACCOUNT + ":event-bus/" + name);
        }
    }

    private void createTable(String id, Map<String, Object> properties) {
        String name = STACK + "-" + id;
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Object a : Template.list(properties.get("AttributeDefinitions"))) {
            Map<String, Object> attribute = Template.map(a);
            attributes.add(AttributeDefinition.builder().attributeName(String.valueOf(attribute.get("AttributeName")))
                    .attributeType(String.valueOf(attribute.get("AttributeType"))).build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Object g : Template.list(properties.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> index = Template.map(g);
            Map<String, Object> projection = Template.map(index.get("Projection"));
            indexes.add(GlobalSecondaryIndex.builder().indexName(String.valueOf(index.get("IndexName")))
                    .keySchema(keySchema(index.get("KeySchema")))
                    .projection(Projection.builder().projectionType(ProjectionType.fromValue(String.valueOf(projection.getOrDefault("ProjectionType", "ALL")))).build())
                    .build());
        }
        dynamoDb.createTable(r -> {
            r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(attributes)
                    .keySchema(keySchema(properties.get("KeySchema")));
            if (!indexes.isEmpty()) r.globalSecondaryIndexes(indexes);
        });
        physicalIds.put(id, name);
        arns.put(id, "arn:aws:dynamodb:" + endpoint.region() + ":" + ACCOUNT + ":table/" + name);
    }

    private static List<KeySchemaElement> keySchema(Object value) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Object k : Template.list(value)) {
            Map<String, Object> key = Template.map(k);
            keys.add(KeySchemaElement.builder().attributeName(String.valueOf(key.get("AttributeName")))
                    .keyType(String.valueOf(key.get("KeyType"))).build());
        }
        return keys;
    }

    /** Items and secrets the SDK floor reads, in the table and under the prefix the functions use. */
    void seedFloor(Map<String, String> environment) {
        String table = environment.get("AGENTAUTH_TABLE_NAME");
        if (table != null) {
            dynamoDb.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("BENCH#floor"),
                    "sk", AttributeValue.fromS("ITEM"), "name", AttributeValue.fromS("floor item"), "version", AttributeValue.fromN("1"))));
        }
        String keyId = environment.get("AGENTAUTH_KMS_KEY_ID");
        if (keyId != null) {
            SdkBytes ciphertext = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("floor-secret"))).ciphertextBlob();
            floorCiphertext = Base64.getEncoder().encodeToString(ciphertext.asByteArray());
        }
        String prefix = environment.get("AGENTAUTH_SECRET_PREFIX");
        if (prefix != null) {
            secrets.createSecret(r -> r.name(prefix + "bench-floor").secretString("{\"floor\":true}"));
        }
    }

    String floorCiphertext() {
        return floorCiphertext;
    }

    /** The environment Lambda would give this function: template globals and its own variables, resolved, plus the emulator's endpoint. */
    Map<String, String> environment(Template template, Template.Function function) {
        Map<String, String> env = new LinkedHashMap<>();
        template.globalsEnvironment().forEach((k, v) -> env.put(k, resolve(v)));
        function.environment().forEach((k, v) -> env.put(k, resolve(v)));
        env.putAll(endpoint.environment());
        env.put("AWS_DEFAULT_REGION", endpoint.region());
        env.put("AWS_LAMBDA_FUNCTION_NAME", STACK + "-" + function.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("_HANDLER", function.handlerClass() + "::handleRequest");
        return env;
    }

    String resolve(Object value) {
        if (value == null) return "";
        if (value instanceof Map<?, ?> m) {
            if (m.containsKey("Ref")) {
                String ref = String.valueOf(m.get("Ref"));
                return switch (ref) {
                    case "AWS::StackName" -> STACK;
                    case "AWS::Region" -> endpoint.region();
                    case "AWS::AccountId" -> ACCOUNT;
                    case "AWS::Partition" -> "aws";
                    case "AWS::URLSuffix" -> "amazonaws.com";
                    default -> physicalIds.getOrDefault(ref, parameters.getOrDefault(ref, ref));
                };
            }
            if (m.containsKey("Fn::Sub")) {
                Object sub = m.get("Fn::Sub");
                String text = sub instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(sub);
                java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\$\\{([^}]+)}").matcher(text);
                StringBuilder out = new StringBuilder();
                while (matcher.find()) {
                    String name = matcher.group(1);
                    String replacement = name.contains(".")
                            ? resolve(Map.of("Fn::GetAtt", List.of(name.split("\\.", 2))))
                            : resolve(Map.of("Ref", name));
                    matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
                }
                matcher.appendTail(out);
                return out.toString();
            }
            if (m.containsKey("Fn::GetAtt")) {
                List<?> parts = (List<?>) m.get("Fn::GetAtt");
                String id = String.valueOf(parts.get(0));
                return arns.getOrDefault(id, physicalIds.getOrDefault(id, id));
            }
            return String.valueOf(value);
        }
        return String.valueOf(value);
    }

    @Override
    public void close() {
        dynamoDb.close();
        kms.close();
        secrets.close();
        events.close();
        http.close();
        moto.close();
    }
}
