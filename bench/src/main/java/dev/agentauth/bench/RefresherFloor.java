package dev.agentauth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.kms.model.DataKeySpec;

/**
 * The emulator floor of the refresher: the AWS calls one refresh makes (as counted in the
 * function), made directly with the bench's SDK clients against the same moto, with the
 * refresher's parallelism and no provider, no Dagger and no domain code. What a run costs above
 * this and the provider's delay is the refresher's own.
 */
final class RefresherFloor {

    private final Emulator emulator;
    private final Map<String, String> environment;

    RefresherFloor(Emulator emulator, Map<String, String> environment) {
        this.emulator = emulator;
        this.environment = environment;
    }

    /** The calls of one refresh: the difference of two runs' calls divided by the difference of their refreshed counts. */
    static Map<String, Integer> perRefresh(Results.CallCount larger, int largerRefreshed, Results.CallCount smaller, int smallerRefreshed) {
        int refreshes = largerRefreshed - smallerRefreshed;
        if (refreshes <= 0) throw new IllegalArgumentException("the runs must differ in refreshed accounts");
        Map<String, Integer> mix = new java.util.TreeMap<>();
        larger.calls().forEach((call, n) -> {
            int extra = n - smaller.calls().getOrDefault(call, 0);
            int each = Math.round((float) extra / refreshes);
            if (each > 0) mix.put(call, each);
        });
        return mix;
    }

    /** Makes {@code mix} {@code refreshes} times from {@code parallelism} threads; answers the wall time in ms. */
    RefresherResult.Floor measure(Map<String, Integer> mix, int refreshes, int parallelism) throws InterruptedException {
        List<Runnable> oneRefresh = new ArrayList<>();
        mix.forEach((call, n) -> {
            Runnable made = call(call);
            for (int i = 0; i < n; i++) oneRefresh.add(made);
        });
        List<Future<?>> futures = new ArrayList<>(refreshes);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(parallelism)) {
            for (int i = 0; i < refreshes; i++) {
                futures.add(pool.submit(() -> oneRefresh.forEach(RefresherFloor::answered)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("floor call failed: " + e.getCause(), e.getCause());
                }
            }
        }
        return new RefresherResult.Floor(mix, refreshes, parallelism, (System.nanoTime() - start) / 1e6);
    }

    private static software.amazon.awssdk.services.dynamodb.model.WriteRequest floorPut() {
        return software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(Map.of(
                "pk", AttributeValue.fromS("BENCH#floor"), "sk", AttributeValue.fromS("ITEM#" + UUID.randomUUID()),
                "name", AttributeValue.fromS("floor item"), "version", AttributeValue.fromN("1")))).build();
    }

    private static void answered(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException answered) {
            // made and answered (a failed condition): that is what the call costs
        }
    }

    private Runnable call(String call) {
        String table = environment.get("AGENTAUTH_TABLE_NAME");
        String keyId = environment.get("AGENTAUTH_KMS_KEY_ID");
        Map<String, AttributeValue> floorKey = Map.of("pk", AttributeValue.fromS("BENCH#floor"), "sk", AttributeValue.fromS("ITEM"));
        return switch (call.toLowerCase(Locale.ROOT)) {
            case "dynamodb.getitem" -> () -> emulator.dynamoDb.getItem(r -> r.tableName(table).consistentRead(true).key(floorKey));
            case "dynamodb.updateitem" -> () -> emulator.dynamoDb.updateItem(r -> r.tableName(table).key(floorKey)
                    .updateExpression("SET #v = :v").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1"))));
            case "dynamodb.putitem" -> () -> emulator.dynamoDb.putItem(r -> r.tableName(table).item(Map.of(
                    "pk", AttributeValue.fromS("BENCH#floor"), "sk", AttributeValue.fromS("ITEM#" + UUID.randomUUID()),
                    "name", AttributeValue.fromS("floor item"), "version", AttributeValue.fromN("1"))));
            // the audit log's write: a record and its copy in one batch
            case "dynamodb.batchwriteitem" -> () -> emulator.dynamoDb.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
                    floorPut(), floorPut()))));
            case "dynamodb.query" -> () -> emulator.dynamoDb.query(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("BENCH#floor"))).limit(25));
            case "kms.decrypt" -> () -> emulator.kms.decrypt(r -> r.ciphertextBlob(
                    SdkBytes.fromByteArray(java.util.Base64.getDecoder().decode(emulator.floorCiphertext()))));
            case "kms.generatedatakey" -> () -> emulator.kms.generateDataKey(r -> r.keyId(keyId).keySpec(DataKeySpec.AES_256)
                    .encryptionContext(Map.of("agentauth:purpose", "token-vault")));
            case "secretsmanager.getsecretvalue" -> () -> emulator.secrets.getSecretValue(r -> r.secretId(
                    environment.get("AGENTAUTH_SECRET_PREFIX") + "bench-floor"));
            case "eventbridge.putevents" -> () -> emulator.events.putEvents(r -> r.entries(PutEventsRequestEntry.builder()
                    .eventBusName(environment.get("AGENTAUTH_EVENT_BUS_NAME")).source("agentauth.bench").detailType("bench")
                    .detail("{\"floor\":true}").build()));
            default -> throw new IllegalArgumentException("no floor call for " + call);
        };
    }
}
