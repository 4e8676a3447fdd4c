package dev.agentauth.adapters.rotation;

import dev.agentauth.application.rotation.RotationDue;
import dev.agentauth.application.rotation.RotationDueIndex;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Connections due for rotation from the refresh-due index (shard {@link RotationDueKeys#SHARD}); notices as marker items. */
final class DynamoRotationDueIndex implements RotationDueIndex {

    private static final String CONNECTION_MARK = "#CONNECTION#";
    /** A notice is kept longer than any due period can last unannounced. */
    private static final Duration KEEP_NOTICE = Duration.ofDays(400);

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoRotationDueIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Page due(Instant until, Optional<String> cursor, int limit) {
        QueryResponse response = dynamo.query(b -> {
            b.tableName(table).indexName("refresh-due")
                    .keyConditionExpression("due_shard = :shard AND due_at <= :until")
                    .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(RotationDueKeys.SHARD),
                            ":until", AttributeValue.fromS(RotationDueKeys.dueAt(until))))
                    .limit(limit);
            cursor.map(DynamoRotationDueIndex::decode).ifPresent(b::exclusiveStartKey);
        });
        List<RotationDue> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            String pk = item.get("pk").s();
            int mark = pk.lastIndexOf(CONNECTION_MARK);
            if (!pk.startsWith("TENANT#") || mark < 0) continue;
            items.add(new RotationDue(pk.substring("TENANT#".length(), mark), pk.substring(mark + CONNECTION_MARK.length()),
                    Instant.parse(item.get("due_at").s())));
        }
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(encode(response.lastEvaluatedKey())) : Optional.empty();
        return new Page(items, next);
    }

    @Override
    public boolean remember(RotationDue due) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(Map.of(
                            "pk", AttributeValue.fromS(RotationDueKeys.noticePk(due.tenantId())),
                            "sk", AttributeValue.fromS(RotationDueKeys.noticeSk(due.connectionId(), due.dueAt())),
                            "entity", AttributeValue.fromS("rotation_due_notice"),
                            "ttl", AttributeValue.fromN(Long.toString(due.dueAt().plus(KEEP_NOTICE).getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException sentBefore) {
            return false;
        }
    }

    @Override
    public void forget(RotationDue due) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS(RotationDueKeys.noticePk(due.tenantId())),
                "sk", AttributeValue.fromS(RotationDueKeys.noticeSk(due.connectionId(), due.dueAt())))));
    }

    private static String encode(Map<String, AttributeValue> key) {
        Map<String, String> plain = new LinkedHashMap<>();
        key.forEach((name, value) -> plain.put(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                dev.agentauth.json.Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decode(String cursor) {
        var node = dev.agentauth.json.Json.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> key.put(e.getKey(), AttributeValue.fromS(e.getValue().asText())));
        return key;
    }
}
