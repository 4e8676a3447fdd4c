package dev.agentauth.adapters.keys;

import dev.agentauth.application.keys.ReencryptionCursor;
import dev.agentauth.application.keys.ReencryptionCursors;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The re-encryption cursor: one item, {@code pk = JOB#vault-reencryption}, {@code sk = CURSOR}. */
final class DynamoReencryptionCursors implements ReencryptionCursors {

    private static final Map<String, AttributeValue> KEY = Map.of(
            "pk", AttributeValue.fromS("JOB#vault-reencryption"), "sk", AttributeValue.fromS("CURSOR"));

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoReencryptionCursors(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<ReencryptionCursor> find() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(KEY).consistentRead(true)).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(new ReencryptionCursor(item.get("target_key_id").s(), Integer.parseInt(item.get("shard").n()),
                Optional.ofNullable(item.get("position")).map(AttributeValue::s), item.get("completed").bool(),
                Long.parseLong(item.get("version").n())));
    }

    @Override
    public boolean save(ReencryptionCursor cursor) {
        Map<String, AttributeValue> item = new HashMap<>(KEY);
        item.put("target_key_id", AttributeValue.fromS(cursor.targetKeyId()));
        item.put("shard", AttributeValue.fromN(Integer.toString(cursor.shard())));
        cursor.position().ifPresent(p -> item.put("position", AttributeValue.fromS(p)));
        item.put("completed", AttributeValue.fromBool(cursor.completed()));
        item.put("version", AttributeValue.fromN(Long.toString(cursor.version() + 1)));
        try {
            if (cursor.version() == 0) {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("#v = :v")
                        .expressionAttributeNames(Map.of("#v", "version"))
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(cursor.version())))));
            }
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }
}
