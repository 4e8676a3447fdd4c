package dev.agentauth.adapters.audit;

import dev.agentauth.adapters.dynamodb.QueryPager;
import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.audit.AuditQuery;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.application.audit.AuditTrail;
import dev.agentauth.application.paging.Page;
import dev.agentauth.application.paging.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Audit records in the single table, readable by tenant, by connection (gsi1) and by account (a
 * copy in the account's partition, written in the same transaction). A record is about a
 * connection or an account when its detail names {@code connection_id} / {@code account_id}, or
 * its target is such an id.
 */
final class DynamoDbAuditLog implements AuditLog, AuditTrail {

    private static final Set<String> TABLE_KEYS = Set.of("pk", "sk");
    private static final Set<String> INDEX_KEYS = Set.of("pk", "sk", "gsi1pk", "gsi1sk");

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbAuditLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(AuditRecord record) {
        String sort = AuditKeys.sort(record.at().toEpochMilli(), UUID.randomUUID().toString());
        Optional<String> connectionId = about(record, "connection_id", "conn_");
        Optional<String> accountId = about(record, "account_id", "acct_");
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(AuditKeys.tenantPartition(record.tenantId())));
        item.put("sk", AttributeValue.fromS(sort));
        item.put("entity", AttributeValue.fromS("audit"));
        item.put("at", AttributeValue.fromS(record.at().toString()));
        item.put("actor", AttributeValue.fromS(record.actor()));
        item.put("action", AttributeValue.fromS(record.action()));
        item.put("target", AttributeValue.fromS(record.target()));
        item.put("outcome", AttributeValue.fromS(record.outcome()));
        item.put("request_id", AttributeValue.fromS(record.requestId() == null ? "" : record.requestId()));
        Map<String, AttributeValue> detail = new HashMap<>();
        record.detail().forEach((k, v) -> detail.put(k, v == null ? AttributeValue.fromNul(true) : AttributeValue.fromS(v)));
        item.put("detail", AttributeValue.fromM(detail));
        connectionId.ifPresent(id -> {
            item.put("connection_id", AttributeValue.fromS(id));
            item.put("gsi1pk", AttributeValue.fromS(AuditKeys.connectionPartition(record.tenantId(), id)));
            item.put("gsi1sk", AttributeValue.fromS(sort));
        });
        accountId.ifPresent(id -> item.put("account_id", AttributeValue.fromS(id)));
        if (accountId.isEmpty()) {
            dynamo.putItem(r -> r.tableName(table).item(item));
            return;
        }
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.remove("gsi1pk");
        copy.remove("gsi1sk");
        copy.put("pk", AttributeValue.fromS(AuditKeys.accountPartition(record.tenantId(), accountId.get())));
        dynamo.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(copy).build()).build()));
    }

    @Override
    public Page<AuditRecord> find(String tenantId, AuditQuery query, PageRequest page) {
        List<String> filters = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).scanIndexForward(false);
        String partitionAttribute;
        String partition;
        Set<String> cursorKeys;
        if (query.accountId().isPresent()) {
            partition = AuditKeys.accountPartition(tenantId, query.accountId().get());
            partitionAttribute = "pk";
            cursorKeys = TABLE_KEYS;
            query.connectionId().ifPresent(id -> filter(filters, names, values, "connection_id", id));
        } else if (query.connectionId().isPresent()) {
            partition = AuditKeys.connectionPartition(tenantId, query.connectionId().get());
            partitionAttribute = "gsi1pk";
            cursorKeys = INDEX_KEYS;
            request.indexName("gsi1");
        } else {
            partition = AuditKeys.tenantPartition(tenantId);
            partitionAttribute = "pk";
            cursorKeys = TABLE_KEYS;
        }
        query.action().ifPresent(a -> filter(filters, names, values, "action", a));
        values.put(":p", AttributeValue.fromS(partition));
        request.keyConditionExpression(partitionAttribute + " = :p").expressionAttributeValues(values);
        if (!filters.isEmpty()) request.filterExpression(String.join(" AND ", filters)).expressionAttributeNames(names);
        return QueryPager.page(dynamo, request, page, partitionAttribute, partition, cursorKeys, item -> record(item, tenantId));
    }

    private static void filter(List<String> filters, Map<String, String> names, Map<String, AttributeValue> values,
            String attribute, String value) {
        filters.add("#" + attribute + " = :" + attribute);
        names.put("#" + attribute, attribute);
        values.put(":" + attribute, AttributeValue.fromS(value));
    }

    private static Optional<String> about(AuditRecord record, String detailKey, String idPrefix) {
        String fromDetail = record.detail().get(detailKey);
        if (fromDetail != null && !fromDetail.isBlank()) return Optional.of(fromDetail);
        return record.target() != null && record.target().startsWith(idPrefix) ? Optional.of(record.target()) : Optional.empty();
    }

    private static AuditRecord record(Map<String, AttributeValue> item, String tenantId) {
        Map<String, String> detail = new LinkedHashMap<>();
        item.getOrDefault("detail", AttributeValue.fromM(Map.of())).m()
                .forEach((k, v) -> detail.put(k, Boolean.TRUE.equals(v.nul()) ? null : v.s()));
        detail.values().removeIf(java.util.Objects::isNull);
        return new AuditRecord(Instant.parse(item.get("at").s()), item.get("actor").s(), tenantId, item.get("action").s(),
                item.get("target").s(), item.get("outcome").s(), item.get("request_id").s(), detail);
    }
}
