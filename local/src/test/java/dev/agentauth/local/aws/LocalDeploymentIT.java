package dev.agentauth.local.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentauth.local.LocalDeployment;
import dev.agentauth.local.LocalRuntime;
import dev.agentauth.local.ProjectRoot;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kms.KmsClient;

/** template.yaml deployed into the emulator: what it creates and what the functions are told. */
@ExtendWith(AwsEndpointExtension.class)
class LocalDeploymentIT {

    private static final Map<String, String> PARAMETERS =
            Map.of("JwtIssuer", "http://127.0.0.1/_local", "JwtAudience", LocalRuntime.AUDIENCE);

    @Test
    void createsTheTableWithItsKeysIndexesAndTimeToLive(AwsEndpoint endpoint) {
        String stack = "deploy-" + UUID.randomUUID().toString().substring(0, 8);
        try (LocalDeployment deployment = LocalDeployment.deploy(ProjectRoot.find(), endpoint, stack, PARAMETERS);
             DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                     .endpointOverride(endpoint.url()).region(Region.of(endpoint.region())).credentialsProvider(credentials(endpoint)).build()) {
            String table = deployment.resources().created().get("DataTable").ref();
            TableDescription description = dynamo.describeTable(b -> b.tableName(table)).table();

            assertEquals(List.of("pk", "sk"), description.keySchema().stream().map(k -> k.attributeName()).toList());
            assertEquals(Map.of("gsi1", "ALL", "refresh-due", "KEYS_ONLY"), description.globalSecondaryIndexes().stream()
                    .collect(java.util.stream.Collectors.toMap(GlobalSecondaryIndexDescription::indexName,
                            i -> i.projection().projectionTypeAsString())));
            assertEquals("ttl", dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription().attributeName());
        }
    }

    @Test
    void tellsFunctionsTheLocalNamesOfTheirResources(AwsEndpoint endpoint) {
        String stack = "deploy-" + UUID.randomUUID().toString().substring(0, 8);
        try (LocalDeployment deployment = LocalDeployment.deploy(ProjectRoot.find(), endpoint, stack, PARAMETERS);
             KmsClient kms = KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint.url())
                     .region(Region.of(endpoint.region())).credentialsProvider(credentials(endpoint)).build();
             EventBridgeClient events = EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create())
                     .endpointOverride(endpoint.url()).region(Region.of(endpoint.region())).credentialsProvider(credentials(endpoint)).build()) {
            Map<String, String> environment = deployment.environmentOf("ListProvidersFunction");

            assertEquals(stack + "-DataTable", environment.get("AGENTAUTH_TABLE_NAME"));
            assertEquals("agentauth/" + stack + "/", environment.get("AGENTAUTH_SECRET_PREFIX"));
            assertEquals("true", environment.get("AGENTAUTH_ALLOW_PRIVATE_TARGETS"));
            assertEquals(endpoint.url().toString(), environment.get("AWS_ENDPOINT_URL"));
            String keyId = deployment.resources().created().get("DataKey").ref();
            assertEquals(keyId, kms.describeKey(b -> b.keyId(environment.get("AGENTAUTH_KMS_KEY_ID"))).keyMetadata().keyId());
            String bus = environment.get("AGENTAUTH_EVENT_BUS_NAME");
            assertEquals(bus, events.describeEventBus(b -> b.name(bus)).name());
        }
    }

    @Test
    void adoptsWhatAnEarlierStartCreatedInTheSameEmulator(AwsEndpoint endpoint) {
        String stack = "deploy-" + UUID.randomUUID().toString().substring(0, 8);
        String firstKey;
        try (LocalDeployment first = LocalDeployment.deploy(ProjectRoot.find(), endpoint, stack, PARAMETERS)) {
            firstKey = first.resources().created().get("DataKey").ref();
        }

        try (LocalDeployment second = LocalDeployment.deploy(ProjectRoot.find(), endpoint, stack, PARAMETERS)) {
            assertEquals(firstKey, second.resources().created().get("DataKey").ref());
            assertTrue(second.resources().created().containsKey("DataTable"));
        }
    }

    private static StaticCredentialsProvider credentials(AwsEndpoint endpoint) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(endpoint.accessKeyId(), endpoint.secretAccessKey()));
    }
}
