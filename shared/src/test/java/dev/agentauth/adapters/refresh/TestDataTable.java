package dev.agentauth.adapters.refresh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The data table as template.yaml declares it (keys, gsi1, refresh-due), under a fresh name per test. */
public final class TestDataTable {

    private TestDataTable() {}

    public static String create(DynamoDbClient dynamo) {
        String name = "agentauth-test-" + UUID.randomUUID();
        dynamo.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"), attribute("sk"), attribute("gsi1pk"), attribute("gsi1sk"),
                        attribute("due_shard"), attribute("due_at"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder().indexName("gsi1")
                                .keySchema(key("gsi1pk", KeyType.HASH), key("gsi1sk", KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.ALL)).build(),
                        GlobalSecondaryIndex.builder().indexName("refresh-due")
                                .keySchema(key("due_shard", KeyType.HASH), key("due_at", KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
        return name;
    }

    /** Writes items with BatchWriteItem, 25 per call, several calls in parallel; retries unprocessed items. */
    public static void seed(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        List<List<Map<String, AttributeValue>>> batches = new ArrayList<>();
        for (int i = 0; i < items.size(); i += 25) batches.add(items.subList(i, Math.min(items.size(), i + 25)));
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (List<Map<String, AttributeValue>> batch : batches) {
                done.add(pool.submit(() -> write(dynamo, table, batch)));
            }
            for (Future<?> f : done) f.get();
        } catch (Exception e) {
            throw new IllegalStateException("seeding failed", e);
        }
    }

    private static void write(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> batch) {
        List<WriteRequest> requests = batch.stream()
                .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                .toList();
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
