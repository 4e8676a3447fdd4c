package dev.agentauth.adapters.connections;

import dev.agentauth.adapters.rotation.RotationDueKeys;
import dev.agentauth.domain.rotation.RotationSchedule;
import static dev.agentauth.adapters.connections.ConnectionKeys.CONNECTION_SK;
import static dev.agentauth.adapters.connections.ConnectionKeys.IDEMPOTENCY_SK;
import static dev.agentauth.adapters.connections.ConnectionKeys.NAME_SK;

import dev.agentauth.adapters.dynamodb.QueryPager;
import dev.agentauth.application.connections.ConnectionFilter;
import dev.agentauth.application.connections.ConnectionJson;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.paging.Page;
import dev.agentauth.application.paging.PageRequest;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionVersion;
import dev.agentauth.domain.connection.StatusChange;
import dev.agentauth.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Connections, their history, name locks and idempotency records in the single DynamoDB table. */
final class DynamoDbConnectionRepository implements ConnectionRepository {

    private static final Duration IDEMPOTENCY_TTL = Duration.ofDays(1);
    private static final String LIST_INDEX = "gsi1";
    private static final Set<String> LIST_CURSOR_KEYS = Set.of("pk", "sk", "gsi1pk", "gsi1sk");
    private static final Set<String> VERSION_CURSOR_KEYS = Set.of("pk", "sk");

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbConnectionRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Connection> find(String tenantId, String connectionId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(ConnectionKeys.partition(tenantId, connectionId), CONNECTION_SK))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(connection(item, tenantId));
    }

    @Override
    public Page<Connection> list(String tenantId, ConnectionFilter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", AttributeValue.fromS(ConnectionKeys.listPartition(tenantId)));
        filter.provider().ifPresent(p -> { conditions.add("#provider = :provider"); names.put("#provider", "provider"); values.put(":provider", AttributeValue.fromS(p)); });
        filter.status().ifPresent(s -> { conditions.add("#status = :status"); names.put("#status", "status"); values.put(":status", AttributeValue.fromS(s.wire())); });
        filter.environment().ifPresent(e -> { conditions.add("#env = :env"); names.put("#env", "environment"); values.put(":env", AttributeValue.fromS(e)); });
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(LIST_INDEX)
                .keyConditionExpression("gsi1pk = :p").expressionAttributeValues(values).scanIndexForward(false);
        if (!conditions.isEmpty()) query.filterExpression(String.join(" AND ", conditions)).expressionAttributeNames(names);
        return QueryPager.page(dynamo, query, page, "gsi1pk", ConnectionKeys.listPartition(tenantId), LIST_CURSOR_KEYS,
                item -> connection(item, tenantId));
    }

    @Override
    public CreateResult create(Connection connection, ConnectionVersion firstVersion) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(connectionItem(connection), "attribute_not_exists(pk)", Map.of()));
        writes.add(put(nameLock(connection), "attribute_not_exists(pk)", Map.of()));
        writes.add(put(versionItem(connection.tenantId(), connection.id(), firstVersion), "attribute_not_exists(pk)", Map.of()));
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            return CreateResult.CREATED;
        } catch (TransactionCanceledException e) {
            List<Boolean> failed = conditionFailures(e, writes.size());
            if (failed.get(0)) return CreateResult.ALREADY_EXISTS;
            if (failed.get(1)) return CreateResult.NAME_TAKEN;
            throw e;
        }
    }

    @Override
    public Optional<IdempotencyRecord> claimIdempotency(IdempotencyRecord claim) {
        long now = claim.createdAt().getEpochSecond();
        try {
            // an expired record (TTL deletion lags) counts as absent
            dynamo.putItem(r -> r.tableName(table).item(idempotencyItem(claim))
                    .conditionExpression("attribute_not_exists(pk) OR #ttl < :now")
                    .expressionAttributeNames(Map.of("#ttl", "ttl"))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now)))));
            return Optional.empty();
        } catch (ConditionalCheckFailedException taken) {
            var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                    .key(key(ConnectionKeys.idempotencyPartition(claim.tenantId(), claim.key()), IDEMPOTENCY_SK))).item();
            return Optional.of(new IdempotencyRecord(claim.tenantId(), claim.key(), item.get("fingerprint").s(),
                    item.get("connection_id").s(), Instant.parse(item.get("created_at").s())));
        }
    }

    @Override
    public UpdateResult update(Connection before, Connection updated, ConnectionVersion version) {
        long expectedVersion = before.version();
        boolean renamed = false;
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(connectionItem(updated), "#v = :expected",
                Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))));
        writes.add(put(versionItem(updated.tenantId(), updated.id(), version), "attribute_not_exists(pk)", Map.of()));
        if (!before.name().equals(updated.name()) || !before.environment().equals(updated.environment())) {
            renamed = true;
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(key(ConnectionKeys.namePartition(before.tenantId(), before.environment(), before.name()), NAME_SK))
                    .build()).build());
            writes.add(put(nameLock(updated), "attribute_not_exists(pk)", Map.of()));
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            return UpdateResult.UPDATED;
        } catch (TransactionCanceledException e) {
            List<Boolean> failed = conditionFailures(e, writes.size());
            if (failed.get(0) || failed.get(1)) return UpdateResult.STALE;
            if (renamed && failed.get(3)) return UpdateResult.NAME_TAKEN;
            throw e;
        }
    }

    @Override
    public Optional<Connection> changeStatus(StatusChange change) {
        Optional<Connection> current = find(change.tenantId(), change.connectionId());
        if (current.isEmpty() || current.get().version() != change.expectedVersion()) return Optional.empty();
        Connection before = current.get();
        Connection after = before.toBuilder()
                .status(change.status())
                .statusReason(change.statusReason())
                .lastTest(change.lastTest() == null ? before.lastTest() : change.lastTest())
                .version(before.version() + 1)
                .updatedAt(change.at())
                .updatedBy(change.actor())
                .build();
        List<String> changes = change.lastTest() == null ? List.of("status", "status_reason") : List.of("status", "status_reason", "last_test");
        UpdateResult result = update(before, after, ConnectionVersion.of(after, changes));
        return result == UpdateResult.UPDATED ? Optional.of(after) : Optional.empty();
    }

    @Override
    public boolean delete(Connection c) {
        String tenantId = c.tenantId();
        String connectionId = c.id();
        long expectedVersion = c.version();
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(key(ConnectionKeys.partition(tenantId, connectionId), CONNECTION_SK))
                        .conditionExpression("#v = :expected").expressionAttributeNames(Map.of("#v", "version"))
                        .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))))
                        .build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(key(ConnectionKeys.namePartition(tenantId, c.environment(), c.name()), NAME_SK))
                        .build()).build());
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (conditionFailures(e, writes.size()).get(0)) return false;
            throw e;
        }
    }

    @Override
    public Page<ConnectionVersion> versions(String tenantId, String connectionId, PageRequest page) {
        String partition = ConnectionKeys.partition(tenantId, connectionId);
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :p AND begins_with(sk, :v)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition),
                        ":v", AttributeValue.fromS(ConnectionKeys.VERSION_PREFIX)))
                .scanIndexForward(false).consistentRead(true);
        return QueryPager.page(dynamo, query, page, "pk", partition, VERSION_CURSOR_KEYS, item -> version(item, tenantId));
    }

    @Override
    public Optional<ConnectionVersion> version(String tenantId, String connectionId, long version) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(ConnectionKeys.partition(tenantId, connectionId), ConnectionKeys.versionSort(version)))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(version(item, tenantId));
    }

    private Map<String, AttributeValue> connectionItem(Connection c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(ConnectionKeys.partition(c.tenantId(), c.id())));
        item.put("sk", AttributeValue.fromS(CONNECTION_SK));
        item.put("gsi1pk", AttributeValue.fromS(ConnectionKeys.listPartition(c.tenantId())));
        item.put("gsi1sk", AttributeValue.fromS(ConnectionKeys.listSort(c.createdAt().toEpochMilli(), c.id())));
        item.put("entity", AttributeValue.fromS("connection"));
        item.put("version", AttributeValue.fromN(Long.toString(c.version())));
        item.put("name", AttributeValue.fromS(c.name()));
        item.put("environment", AttributeValue.fromS(c.environment()));
        item.put("provider", AttributeValue.fromS(c.provider()));
        item.put("status", AttributeValue.fromS(c.status().wire()));
        item.put("doc", AttributeValue.fromS(Json.write(ConnectionJson.store(c))));
        // in the refresh-due index under its own shard, so the key rotator finds credentials due for rotation
        RotationSchedule.dueAt(c).ifPresent(due -> {
            item.put("due_shard", AttributeValue.fromS(RotationDueKeys.SHARD));
            item.put("due_at", AttributeValue.fromS(RotationDueKeys.dueAt(due)));
        });
        return item;
    }

    private Map<String, AttributeValue> nameLock(Connection c) {
        return Map.of("pk", AttributeValue.fromS(ConnectionKeys.namePartition(c.tenantId(), c.environment(), c.name())),
                "sk", AttributeValue.fromS(NAME_SK),
                "entity", AttributeValue.fromS("connection_name"),
                "connection_id", AttributeValue.fromS(c.id()));
    }

    private Map<String, AttributeValue> versionItem(String tenantId, String connectionId, ConnectionVersion v) {
        return Map.of("pk", AttributeValue.fromS(ConnectionKeys.partition(tenantId, connectionId)),
                "sk", AttributeValue.fromS(ConnectionKeys.versionSort(v.version())),
                "entity", AttributeValue.fromS("connection_version"),
                "version", AttributeValue.fromN(Long.toString(v.version())),
                "at", AttributeValue.fromS(v.at().toString()),
                "actor", AttributeValue.fromS(v.actor()),
                "changes", AttributeValue.fromL(v.changes().stream().map(AttributeValue::fromS).toList()),
                "doc", AttributeValue.fromS(Json.write(ConnectionJson.store(v.snapshot()))));
    }

    private Map<String, AttributeValue> idempotencyItem(IdempotencyRecord r) {
        return Map.of("pk", AttributeValue.fromS(ConnectionKeys.idempotencyPartition(r.tenantId(), r.key())),
                "sk", AttributeValue.fromS(IDEMPOTENCY_SK),
                "entity", AttributeValue.fromS("idempotency"),
                "fingerprint", AttributeValue.fromS(r.requestFingerprint()),
                "connection_id", AttributeValue.fromS(r.connectionId()),
                "created_at", AttributeValue.fromS(r.createdAt().toString()),
                "ttl", AttributeValue.fromN(Long.toString(r.createdAt().plus(IDEMPOTENCY_TTL).getEpochSecond())));
    }

    private static Connection connection(Map<String, AttributeValue> item, String tenantId) {
        return ConnectionJson.read(Json.parse(item.get("doc").s()), tenantId);
    }

    private static ConnectionVersion version(Map<String, AttributeValue> item, String tenantId) {
        return new ConnectionVersion(Long.parseLong(item.get("version").n()), Instant.parse(item.get("at").s()),
                item.get("actor").s(), item.get("changes").l().stream().map(AttributeValue::s).toList(),
                ConnectionJson.read(Json.parse(item.get("doc").s()), tenantId));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression(condition);
        if (condition.contains("#v")) put.expressionAttributeNames(Map.of("#v", "version"));
        if (!values.isEmpty()) put.expressionAttributeValues(values);
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    /** Which items of a cancelled transaction failed their condition (by position). */
    private static List<Boolean> conditionFailures(TransactionCanceledException e, int size) {
        List<Boolean> failed = new ArrayList<>();
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        for (int i = 0; i < size; i++) {
            failed.add(i < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(i).code()));
        }
        return failed;
    }
}
