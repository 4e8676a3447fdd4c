package dev.agentauth.adapters.rotation;

import dev.agentauth.application.rotation.RotationRecords;
import dev.agentauth.domain.connection.CredentialSummary;
import dev.agentauth.domain.rotation.CredentialRotation;
import dev.agentauth.domain.rotation.RotationStep;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Rotation records in the data table (see {@link RotationKeys}); conditional writes on {@code version}. */
final class DynamoRotationRecords implements RotationRecords {

    /** Fixed width, so that text order is time order in the open-rotations index. */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoRotationRecords(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<CredentialRotation> find(String tenantId, String connectionId) {
        var response = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", s(RotationKeys.pk(tenantId)), "sk", s(RotationKeys.sk(connectionId)))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    @Override
    public boolean save(CredentialRotation rotation, long expectedVersion) {
        Map<String, AttributeValue> item = toItem(rotation, expectedVersion + 1);
        try {
            if (expectedVersion == 0) {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("#v = :v")
                        .expressionAttributeNames(Map.of("#v", "version"))
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion)))));
            }
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    @Override
    public List<CredentialRotation> openBefore(Instant before, int limit) {
        return dynamo.query(b -> b.tableName(table).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :pk AND gsi1sk < :before")
                        .expressionAttributeValues(Map.of(":pk", s(RotationKeys.OPEN_PK), ":before", s(SORTABLE.format(before))))
                        .limit(limit))
                .items().stream().map(DynamoRotationRecords::fromItem).toList();
    }

    private static Map<String, AttributeValue> toItem(CredentialRotation r, long version) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(RotationKeys.pk(r.tenantId())));
        item.put("sk", s(RotationKeys.sk(r.connectionId())));
        item.put("type", s("credential_rotation"));
        item.put("tenant_id", s(r.tenantId()));
        item.put("connection_id", s(r.connectionId()));
        item.put("rotation_id", s(r.rotationId()));
        item.put("step", s(r.step().name()));
        put(item, "pending_version_id", r.pendingVersionId());
        if (r.replaced() != null) item.put("replaced", summary(r.replaced()));
        if (r.promoted() != null) item.put("promoted", summary(r.promoted()));
        put(item, "failure_reason", r.failureReason());
        put(item, "actor", r.actor());
        put(item, "request_id", r.requestId());
        item.put("started_at", s(r.startedAt().toString()));
        item.put("updated_at", s(r.updatedAt().toString()));
        item.put("version", AttributeValue.fromN(Long.toString(version)));
        if (r.step().open()) {
            item.put("gsi1pk", s(RotationKeys.OPEN_PK));
            item.put("gsi1sk", s(RotationKeys.openSk(SORTABLE.format(r.updatedAt()), r.tenantId(), r.connectionId())));
        }
        return item;
    }

    private static CredentialRotation fromItem(Map<String, AttributeValue> item) {
        return new CredentialRotation(
                item.get("tenant_id").s(), item.get("connection_id").s(), item.get("rotation_id").s(),
                RotationStep.valueOf(item.get("step").s()), str(item, "pending_version_id"),
                summary(item.get("replaced")), summary(item.get("promoted")), str(item, "failure_reason"),
                str(item, "actor"), str(item, "request_id"), Instant.parse(item.get("started_at").s()),
                Instant.parse(item.get("updated_at").s()), Long.parseLong(item.get("version").n()));
    }

    private static AttributeValue summary(CredentialSummary summary) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("set", AttributeValue.fromBool(summary.set()));
        put(m, "last4", summary.last4());
        if (summary.updatedAt() != null) m.put("updated_at", s(summary.updatedAt().toString()));
        put(m, "version_id", summary.versionId());
        return AttributeValue.fromM(m);
    }

    private static CredentialSummary summary(AttributeValue value) {
        if (value == null || !value.hasM()) return null;
        Map<String, AttributeValue> m = value.m();
        return new CredentialSummary(m.get("set").bool(), str(m, "last4"),
                m.containsKey("updated_at") ? Instant.parse(m.get("updated_at").s()) : null, str(m, "version_id"));
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) item.put(name, s(value));
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
