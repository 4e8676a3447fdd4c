package dev.agentauth.bench;

import dev.agentauth.adapters.accounts.AccountKeys;
import dev.agentauth.application.accounts.StoredAccount;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.credentials.CredentialRef;
import dev.agentauth.domain.account.Account;
import dev.agentauth.domain.account.AccountStatus;
import dev.agentauth.domain.account.TokenSet;
import dev.agentauth.domain.connection.AuthType;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionSettings;
import dev.agentauth.domain.connection.ConnectionStatus;
import dev.agentauth.domain.connection.ConnectionVersion;
import dev.agentauth.domain.connection.CredentialSummary;
import dev.agentauth.domain.connection.OAuthConfig;
import dev.agentauth.domain.connection.RetryPolicy;
import dev.agentauth.domain.connection.Rotation;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.domain.connection.TokenEndpointAuthMethod;
import dev.agentauth.domain.connection.TokenStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Fills the table the scheduled refresher reads. Due accounts are real: an OAuth connection
 * (client secret in Secrets Manager) whose token URL is the local provider, accounts stored
 * through the production repository with their tokens sealed in the vault, due a minute ago.
 * Accounts that are not due are written as the refresh-due index sees them (account key,
 * {@code due_shard}, {@code due_at} a day ahead) with BatchWriteItem from several threads: the
 * refresher never reads them, only the index holds them, and 50,000 of them seed in seconds.
 */
final class RefresherSeeder {

    static final String TENANT = "tenant-bench-refresh";
    private static final int BATCH = 25;
    private static final int THREADS = 4;

    private final DynamoDbClient dynamo;
    private final RefresherStores stores;
    private final String table;
    private final int shards;
    private int accounts;

    RefresherSeeder(DynamoDbClient dynamo, RefresherStores stores, String table, int shards) {
        this.dynamo = dynamo;
        this.stores = stores;
        this.table = table;
        this.shards = shards;
    }

    /** Account items in the table so far (due, refreshed and index-only). */
    int accounts() {
        return accounts;
    }

    /** An active OAuth connection with auto refresh on whose token endpoint is {@code providerBaseUrl}/token. */
    Connection connection(String providerBaseUrl) {
        String id = "conn_" + UUID.randomUUID().toString().replace("-", "");
        SecretValue secret = new SecretValue("client-secret-" + UUID.randomUUID());
        String versionId = stores.credentials().put(new CredentialRef(TENANT, id), secret, UUID.randomUUID().toString());
        Instant now = Instant.now();
        Connection connection = new Connection.Builder()
                .id(id).tenantId(TENANT).name("bench-refresher").description("scheduled refresher bench").environment("prod")
                .provider("custom").authType(AuthType.OAUTH2).status(ConnectionStatus.ACTIVE).scopes(List.of("read"))
                .oauth(new OAuthConfig("bench-client", CredentialSummary.of(secret, now, versionId), "https://app.example.com/callback",
                        providerBaseUrl + "/authorize", providerBaseUrl + "/token", true, TokenEndpointAuthMethod.CLIENT_SECRET_POST, Map.of()))
                .settings(new ConnectionSettings(true, 3600, 300, TokenStorage.VAULT, 6000, 5,
                        new RetryPolicy(1, 100, 1000, List.of()), ConnectionSettings.DEFAULT_USER_AGENT, Map.of()))
                .rotation(Rotation.DEFAULT).tags(Map.of()).allowedReturnUrls(List.of()).version(1)
                .createdAt(now).updatedAt(now).createdBy("bench").updatedBy("bench")
                .build();
        if (stores.connections().create(connection, ConnectionVersion.of(connection, List.of("created")))
                != ConnectionRepository.CreateResult.CREATED) {
            throw new IllegalStateException("the bench connection could not be created");
        }
        return connection;
    }

    /** {@code count} accounts of {@code connection} whose access token expired a minute ago, refresh tokens sealed in the vault. */
    List<String> due(Connection connection, int count) throws InterruptedException {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) ids.add("acct_" + UUID.randomUUID().toString().replace("-", ""));
        inParallel(ids.size(), i -> storeDue(connection, ids.get(i)));
        accounts += count;
        return ids;
    }

    private void storeDue(Connection connection, String id) {
        Instant now = Instant.now();
        Instant expired = now.minus(Duration.ofMinutes(1));
        Account account = new Account(TENANT, id, connection.id(), "user-" + id, AccountStatus.ACTIVE, List.of("read"),
                expired, now.minus(Duration.ofHours(1)), null, 1, now, now);
        TokenSet tokens = new TokenSet("at-" + id, "rt-" + id, "Bearer", expired, List.of("read"));
        stores.accounts().create(new StoredAccount(account, stores.sealer().sealInVault(account, tokens),
                expired.minus(Duration.ofMinutes(5)), null, null, null, 0));
    }

    /** Adds index-only accounts, due tomorrow, until the table holds {@code total} account items. */
    void fillTo(int total) throws InterruptedException {
        int missing = total - accounts;
        if (missing <= 0) return;
        int first = accounts;
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        int batches = (missing + BATCH - 1) / BATCH;
        inParallel(batches, b -> {
            List<WriteRequest> writes = new ArrayList<>(BATCH);
            for (int i = first + b * BATCH; i < Math.min(first + missing, first + (b + 1) * BATCH); i++) {
                String id = "acct_idx_" + i;
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                        "pk", AttributeValue.fromS(AccountKeys.pk("tenant-" + i % 97)),
                        "sk", AttributeValue.fromS(AccountKeys.sk(id)),
                        "due_shard", AttributeValue.fromS(AccountKeys.dueShard(id, shards)),
                        "due_at", AttributeValue.fromS(AccountKeys.dueAt(tomorrow.plusSeconds(i % 86_400))))).build()).build());
            }
            write(writes);
        });
        accounts = total;
    }

    private void write(List<WriteRequest> writes) {
        Map<String, List<WriteRequest>> pending = Map.of(table, writes);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == 5) throw new IllegalStateException("BatchWriteItem left items unprocessed five times");
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    private interface Task {
        void run(int index);
    }

    private static void inParallel(int count, Task task) throws InterruptedException {
        List<Future<?>> futures = new ArrayList<>(count);
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("seeding failed: " + e.getCause(), e.getCause());
                }
            }
        }
    }
}
