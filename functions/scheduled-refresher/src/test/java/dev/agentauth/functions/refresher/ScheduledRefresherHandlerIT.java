package dev.agentauth.functions.refresher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentauth.accounts.AccountsTestStack;
import dev.agentauth.application.accounts.IssueAccountToken;
import dev.agentauth.application.accounts.StoredAccount;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.credentials.CredentialRef;
import dev.agentauth.domain.Caller;
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
import dev.agentauth.http.TestContext;
import dev.agentauth.json.Json;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scheduled-refresher function end to end: moto for AWS, WireMock as the provider's token
 * endpoint, accounts sealed in the vault and found through the refresh-due index.
 */
@ExtendWith(AwsEndpointExtension.class)
class ScheduledRefresherHandlerIT {

    private static final String TENANT = "tenant-refresh";

    private final AccountsTestStack stack;
    private final RefresherTestComponent stores;
    private final WireMockServer provider = new WireMockServer(options().dynamicPort().globalTemplating(true));

    ScheduledRefresherHandlerIT(AwsEndpoint aws) {
        this.stack = AccountsTestStack.create(aws);
        this.stores = RefresherTestComponent.create(stack.environment());
    }

    @BeforeEach
    void startProvider() {
        provider.start();
        provider.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"at-{{randomValue type='UUID'}}\",\"refresh_token\":\"rt-{{randomValue type='UUID'}}\","
                                + "\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    }

    @AfterEach
    void stopProvider() {
        provider.stop();
    }

    @Test
    void refreshesEveryDueAccountOnceAndARedeliveredEventRefreshesNothing() {
        Connection connection = activeConnection();
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 6; i++) due.add(expiredAccount(connection));
        String fresh = account(connection, Instant.now().plus(Duration.ofHours(2)), "rt-fresh-" + UUID.randomUUID());

        ScheduledRefresherHandler handler = new ScheduledRefresherHandler(dev.agentauth.config.Environment.of(stack.environment()));
        String eventId = UUID.randomUUID().toString();
        JsonNode first = invoke(handler, eventId);
        JsonNode again = invoke(handler, eventId);

        assertEquals(6, first.path("outcomes").path("refreshed").asInt());
        assertTrue(first.path("complete").asBoolean());
        assertTrue(again.path("duplicate").asBoolean());
        for (String account : due) {
            assertEquals(1, refreshCalls(account), "one provider refresh for " + account);
            StoredAccount stored = stores.accounts().find(TENANT, account).orElseThrow();
            assertTrue(stored.account().expiresAt().isAfter(Instant.now().plus(Duration.ofMinutes(50))));
            assertTrue(stored.refreshDueAt().isAfter(Instant.now()), "no longer due");
        }
        assertEquals(0, refreshCalls(fresh), "an account that is not due is left alone");
    }

    @Test
    void theRefresherAndTwentyConcurrentTokenRequestsMakeOneProviderRefreshPerAccount() throws Exception {
        Connection connection = activeConnection();
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 4; i++) accounts.add(expiredAccount(connection));
        ScheduledRefresherHandler handler = new ScheduledRefresherHandler(dev.agentauth.config.Environment.of(stack.environment()));
        IssueAccountToken tokens = stores.issueAccountToken();
        Caller agent = new Caller(TENANT, "agent-1", Set.of("tokens:read"));

        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(21)) {
            results.add(pool.submit(() -> {
                start.await();
                return invoke(handler, UUID.randomUUID().toString());
            }));
            for (int i = 0; i < 20; i++) {
                String account = accounts.get(i % accounts.size());
                results.add(pool.submit((Callable<IssueAccountToken.IssuedToken>) () -> {
                    start.await();
                    return tokens.issue(agent, account, "req-" + UUID.randomUUID());
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                Object value = result.get();
                if (value instanceof IssueAccountToken.IssuedToken issued) {
                    assertTrue(issued.accessToken().startsWith("at-"), "every caller gets the refreshed token");
                    assertTrue(issued.expiresAt().isAfter(Instant.now()));
                }
            }
        }
        for (String account : accounts) {
            assertEquals(1, refreshCalls(account), "exactly one provider refresh for " + account);
        }
    }

    @Test
    void anAccountWhoseConnectionTurnedAutoRefreshOffIsSkippedAndNotFoundAgain() {
        Connection connection = activeConnection();
        ConnectionSettings s = connection.settings();
        Connection manual = connection.toBuilder().version(connection.version() + 1)
                .settings(new ConnectionSettings(false, s.tokenExpiry(), s.refreshBuffer(), s.tokenStorage(), s.rateLimit(),
                        s.timeout(), s.retry(), s.userAgent(), s.baseHeaders())).build();
        assertEquals(ConnectionRepository.UpdateResult.UPDATED,
                stores.connections().update(connection, manual, ConnectionVersion.of(manual, List.of("settings.auto_refresh"))));
        String account = expiredAccount(connection);
        ScheduledRefresherHandler handler = new ScheduledRefresherHandler(dev.agentauth.config.Environment.of(stack.environment()));

        JsonNode first = invoke(handler, UUID.randomUUID().toString());
        JsonNode second = invoke(handler, UUID.randomUUID().toString());

        assertEquals(1, first.path("outcomes").path("skipped").asInt());
        assertTrue(second.path("outcomes").isEmpty(), "pushed out of the due window");
        assertEquals(0, refreshCalls(account));
        assertFalse(stores.accounts().find(TENANT, account).orElseThrow().refreshDueAt().isBefore(Instant.now().plus(Duration.ofHours(1))));
    }

    @Test
    void aProviderOutageBacksOffWithACooldownInsteadOfRetryingEveryRun() {
        Connection connection = activeConnection();
        provider.resetAll();
        provider.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(503)));
        String account = expiredAccount(connection);
        ScheduledRefresherHandler handler = new ScheduledRefresherHandler(dev.agentauth.config.Environment.of(stack.environment()));

        JsonNode first = invoke(handler, UUID.randomUUID().toString());
        JsonNode second = invoke(handler, UUID.randomUUID().toString());

        assertEquals(1, first.path("outcomes").path("failed").asInt());
        assertFalse(second.path("outcomes").has("failed"), "cooling down: not tried again before the cooldown ends");
        StoredAccount stored = stores.accounts().find(TENANT, account).orElseThrow();
        assertTrue(stored.refreshDueAt().isAfter(Instant.now()), "the due time is pushed to the cooldown's end");
        assertEquals(AccountStatus.ACTIVE, stored.account().status(), "a provider outage never marks the account dead");
        assertEquals(1, refreshCalls(account));
    }

    private JsonNode invoke(ScheduledRefresherHandler handler, String eventId) {
        String event = """
                {"version":"0","id":"%s","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012",
                 "time":"%s","region":"us-east-1","resources":[],"detail":{}}""".formatted(eventId, Instant.now());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new TestContext());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Json.parse(out.toString(StandardCharsets.UTF_8));
    }

    private int refreshCalls(String accountId) {
        return provider.findAll(postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(containing("refresh_token=rt-" + accountId))).size();
    }

    private String expiredAccount(Connection connection) {
        String id = "acct_" + UUID.randomUUID().toString().replace("-", "");
        return account(connection, id, Instant.now().minus(Duration.ofMinutes(1)), "rt-" + id);
    }

    private String account(Connection connection, Instant expiresAt, String refreshToken) {
        return account(connection, "acct_" + UUID.randomUUID().toString().replace("-", ""), expiresAt, refreshToken);
    }

    private String account(Connection connection, String id, Instant expiresAt, String refreshToken) {
        Instant now = Instant.now();
        Account account = new Account(TENANT, id, connection.id(), "user-" + id, AccountStatus.ACTIVE, List.of("read"),
                expiresAt, now.minus(Duration.ofHours(1)), null, 1, now, now);
        TokenSet tokens = new TokenSet("at-old-" + id, refreshToken, "Bearer", expiresAt, List.of("read"));
        Instant due = expiresAt.minus(Duration.ofMinutes(5));
        stores.accounts().create(new StoredAccount(account, stores.sealer().sealInVault(account, tokens), due, null, null, null, 0));
        return id;
    }

    private Connection activeConnection() {
        String id = "conn_" + UUID.randomUUID().toString().replace("-", "");
        SecretValue secret = new SecretValue("client-secret-" + UUID.randomUUID());
        String versionId = stores.credentials().put(new CredentialRef(TENANT, id), secret, UUID.randomUUID().toString());
        Instant now = Instant.now();
        String base = "http://127.0.0.1:" + provider.port();
        Connection connection = new Connection.Builder()
                .id(id).tenantId(TENANT).name("refresh-" + id).description("").environment("prod").provider("custom")
                .authType(AuthType.OAUTH2).status(ConnectionStatus.ACTIVE).scopes(List.of("read"))
                .oauth(new OAuthConfig("client-1", CredentialSummary.of(secret, now, versionId), "https://app.example.com/cb",
                        base + "/authorize", base + "/token", true, TokenEndpointAuthMethod.CLIENT_SECRET_POST, Map.of()))
                .settings(new ConnectionSettings(true, 3600, 300, TokenStorage.VAULT, 100, 5,
                        new RetryPolicy(1, 100, 1000, List.of()), ConnectionSettings.DEFAULT_USER_AGENT, Map.of()))
                .rotation(Rotation.DEFAULT).tags(Map.of()).allowedReturnUrls(List.of()).version(1)
                .createdAt(now).updatedAt(now).createdBy("owner-1").updatedBy("owner-1")
                .build();
        assertEquals(ConnectionRepository.CreateResult.CREATED,
                stores.connections().create(connection, ConnectionVersion.of(connection, List.of("created"))));
        return connection;
    }
}
