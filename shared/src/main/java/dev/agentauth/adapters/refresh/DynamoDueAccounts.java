package dev.agentauth.adapters.refresh;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.agentauth.application.refresh.DueAccount;
import dev.agentauth.application.refresh.DueAccounts;
import dev.agentauth.application.refresh.DuePage;
import dev.agentauth.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Due accounts from the sharded refresh-due GSI: one Query per page per shard, never a Scan. */
final class DynamoDueAccounts implements DueAccounts {

    private final DynamoDbClient dynamo;
    private final String table;
    private final int shards;

    DynamoDueAccounts(DynamoDbClient dynamo, String table, int shards) {
        if (shards < 1) throw new IllegalArgumentException("at least one refresh shard is needed");
        this.dynamo = dynamo;
        this.table = table;
        this.shards = shards;
    }

    @Override
    public int shards() {
        return shards;
    }

    @Override
    public DuePage due(int shard, Instant until, Optional<String> cursor, int pageSize) {
        QueryResponse response = dynamo.query(b -> {
            b.tableName(table).indexName(DueIndexKeys.INDEX)
                    .keyConditionExpression("#shard = :shard AND #due <= :until")
                    .expressionAttributeNames(Map.of("#shard", DueIndexKeys.SHARD, "#due", DueIndexKeys.DUE_AT))
                    .expressionAttributeValues(Map.of(
                            ":shard", AttributeValue.fromS(DueIndexKeys.shard(shard)),
                            ":until", AttributeValue.fromS(DueIndexKeys.dueAt(until))))
                    .limit(pageSize);
            cursor.map(DynamoDueAccounts::decode).ifPresent(b::exclusiveStartKey);
        });
        List<DueAccount> accounts = new ArrayList<>(response.count());
        for (Map<String, AttributeValue> item : response.items()) {
            Optional<String> tenant = DueIndexKeys.tenantId(item.get("pk").s());
            Optional<String> account = DueIndexKeys.accountId(item.get("sk").s());
            if (tenant.isEmpty() || account.isEmpty()) continue; // not an account item: nothing to refresh
            accounts.add(new DueAccount(tenant.get(), account.get(), Instant.parse(item.get(DueIndexKeys.DUE_AT).s())));
        }
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(encode(response.lastEvaluatedKey()))
                : Optional.empty();
        return new DuePage(accounts, next);
    }

    private static String encode(Map<String, AttributeValue> key) {
        Map<String, String> plain = new LinkedHashMap<>();
        key.forEach((name, value) -> plain.put(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decode(String cursor) {
        String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        Map<String, String> plain = Json.mapper().convertValue(Json.parse(json), new TypeReference<Map<String, String>>() {});
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        plain.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
        return key;
    }
}
