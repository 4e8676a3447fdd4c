package dev.agentauth.adapters.accounts;

import dev.agentauth.application.accounts.AccountPage;
import dev.agentauth.application.accounts.AccountRepository;
import dev.agentauth.application.accounts.StoredAccount;
import dev.agentauth.application.accounts.StoredTokens;
import dev.agentauth.application.vault.SealedValue;
import dev.agentauth.domain.BadRequestException;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.account.Account;
import dev.agentauth.domain.account.AccountStatus;
import dev.agentauth.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Accounts in the single table (key formats in {@link AccountKeys}). */
final class DynamoAccountRepository implements AccountRepository {

    private final DynamoDbClient dynamo;
    private final String table;
    private final int shards;

    DynamoAccountRepository(DynamoDbClient dynamo, String table, int shards) {
        this.dynamo = dynamo;
        this.table = table;
        this.shards = shards;
    }

    @Override
    public void create(StoredAccount account) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(account, account.version()))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("account " + account.account().id() + " already exists");
        }
    }

    @Override
    public Optional<StoredAccount> find(String tenantId, String accountId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(tenantId, accountId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public AccountPage listByConnection(String tenantId, String connectionId, int limit, Optional<String> cursor) {
        String partition = AccountKeys.gsi1pk(tenantId, connectionId);
        Map<String, AttributeValue> start = cursor.map(c -> decodeCursor(c, partition)).orElse(null);
        QueryResponse response = dynamo.query(b -> b.tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :p AND begins_with(gsi1sk, :s)")
                .expressionAttributeValues(Map.of(":p", s(partition), ":s", s("ACCT#")))
                .limit(limit).exclusiveStartKey(start));
        List<Account> items = response.items().stream().map(i -> fromItem(i).account()).toList();
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(encodeCursor(response.lastEvaluatedKey())) : Optional.empty();
        return new AccountPage(items, next);
    }

    @Override
    public boolean acquireLease(String tenantId, String accountId, long expectedVersion, String owner, Instant until, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(tenantId, accountId))
                    .updateExpression("SET lease_owner = :o, lease_until = :u")
                    .conditionExpression("#v = :v AND (attribute_not_exists(lease_until) OR lease_until < :now)")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":o", s(owner), ":u", n(until.toEpochMilli()),
                            ":v", n(expectedVersion), ":now", n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void releaseLease(String tenantId, String accountId, String owner) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(tenantId, accountId))
                    .updateExpression("REMOVE lease_owner, lease_until")
                    .conditionExpression("lease_owner = :o")
                    .expressionAttributeValues(Map.of(":o", s(owner))));
        } catch (ConditionalCheckFailedException alreadyGone) {
            // someone else holds it now, or it was released with the item's last write
        }
    }

    @Override
    public boolean replace(StoredAccount updated, long expectedVersion, Optional<String> leaseOwner) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":v", n(expectedVersion)));
        String condition = "#v = :v";
        if (leaseOwner.isPresent()) {
            condition += " AND lease_owner = :o";
            values.put(":o", s(leaseOwner.get()));
        }
        String finalCondition = condition;
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(updated, expectedVersion + 1))
                    .conditionExpression(finalCondition)
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean delete(String tenantId, String accountId, long expectedVersion) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key(tenantId, accountId))
                    .conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Map<String, AttributeValue> toItem(StoredAccount stored, long version) {
        Account a = stored.account();
        Map<String, AttributeValue> item = new HashMap<>(key(a.tenantId(), a.id()));
        item.put("type", s("account"));
        item.put("gsi1pk", s(AccountKeys.gsi1pk(a.tenantId(), a.connectionId())));
        item.put("gsi1sk", s(AccountKeys.gsi1sk(a.createdAt(), a.id())));
        item.put("id", s(a.id()));
        item.put("tenant_id", s(a.tenantId()));
        item.put("connection_id", s(a.connectionId()));
        item.put("user_id", s(a.userId()));
        item.put("status", s(a.status().wire()));
        item.put("granted_scopes", AttributeValue.fromL(a.grantedScopes().stream().map(DynamoAccountRepository::s).toList()));
        putInstant(item, "expires_at", a.expiresAt());
        putInstant(item, "last_refreshed_at", a.lastRefreshedAt());
        if (a.lastError() != null) item.put("last_error", s(a.lastError()));
        item.put("version", n(version));
        putInstant(item, "created_at", a.createdAt());
        putInstant(item, "updated_at", a.updatedAt());
        StoredTokens tokens = stored.tokens();
        if (tokens != null) {
            item.put("access_token", sealed(tokens.accessToken()));
            if (tokens.refreshToken() != null) item.put("refresh_token", sealed(tokens.refreshToken()));
            item.put("token_type", s(tokens.tokenType()));
        }
        if (stored.refreshDueAt() != null) {
            item.put("due_shard", s(AccountKeys.dueShard(a.id(), shards)));
            item.put("due_at", s(AccountKeys.dueAt(stored.refreshDueAt())));
        }
        if (stored.cooldownUntil() != null) item.put("cooldown_until", n(stored.cooldownUntil().toEpochMilli()));
        if (stored.consecutiveFailures() > 0) item.put("refresh_failures", n(stored.consecutiveFailures()));
        return item;
    }

    private static StoredAccount fromItem(Map<String, AttributeValue> item) {
        Account account = new Account(
                str(item, "tenant_id"), str(item, "id"), str(item, "connection_id"), str(item, "user_id"),
                AccountStatus.fromWire(str(item, "status")),
                item.containsKey("granted_scopes") ? item.get("granted_scopes").l().stream().map(AttributeValue::s).toList() : List.of(),
                instant(item, "expires_at"), instant(item, "last_refreshed_at"), str(item, "last_error"),
                Long.parseLong(item.get("version").n()), instant(item, "created_at"), instant(item, "updated_at"));
        StoredTokens tokens = item.containsKey("access_token")
                ? new StoredTokens(unsealed(item.get("access_token")),
                        item.containsKey("refresh_token") ? unsealed(item.get("refresh_token")) : null, str(item, "token_type"))
                : null;
        Instant dueAt = item.containsKey("due_at") ? Instant.parse(item.get("due_at").s()) : null;
        return new StoredAccount(account, tokens, dueAt, str(item, "lease_owner"), millis(item, "lease_until"),
                millis(item, "cooldown_until"), item.containsKey("refresh_failures") ? Integer.parseInt(item.get("refresh_failures").n()) : 0);
    }

    private static AttributeValue sealed(SealedValue value) {
        return AttributeValue.fromM(Map.of(
                "key_id", s(value.keyId()),
                "edk", AttributeValue.fromB(SdkBytes.fromByteArray(value.encryptedDataKey())),
                "iv", AttributeValue.fromB(SdkBytes.fromByteArray(value.iv())),
                "ct", AttributeValue.fromB(SdkBytes.fromByteArray(value.ciphertext()))));
    }

    static SealedValue unsealed(AttributeValue value) {
        Map<String, AttributeValue> m = value.m();
        return new SealedValue(m.get("key_id").s(), m.get("edk").b().asByteArray(), m.get("iv").b().asByteArray(),
                m.get("ct").b().asByteArray());
    }

    static AttributeValue sealedValue(SealedValue value) {
        return sealed(value);
    }

    private String encodeCursor(Map<String, AttributeValue> lastKey) {
        Map<String, String> plain = new HashMap<>();
        lastKey.forEach((k, v) -> plain.put(k, v.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decodeCursor(String cursor, String partition) {
        try {
            var node = Json.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            Map<String, AttributeValue> key = new HashMap<>();
            for (String name : List.of("pk", "sk", "gsi1pk", "gsi1sk")) {
                if (!node.path(name).isTextual()) throw new BadRequestException("invalid cursor");
                key.put(name, s(node.path(name).asText()));
            }
            // a cursor only continues the listing it came from (never another tenant's)
            if (!partition.equals(key.get("gsi1pk").s())) throw new BadRequestException("invalid cursor");
            return key;
        } catch (IllegalArgumentException | Json.MalformedJsonException e) {
            throw new BadRequestException("invalid cursor");
        }
    }

    private static Map<String, AttributeValue> key(String tenantId, String accountId) {
        return Map.of("pk", s(AccountKeys.pk(tenantId)), "sk", s(AccountKeys.sk(accountId)));
    }

    private static void putInstant(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) item.put(name, s(value.toString()));
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? null : Instant.parse(value.s());
    }

    private static Instant millis(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Instant.ofEpochMilli(Long.parseLong(value.n()));
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
