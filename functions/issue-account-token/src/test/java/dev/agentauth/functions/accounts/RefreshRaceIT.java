package dev.agentauth.functions.accounts;

import static dev.agentauth.functions.accounts.AccountsFixture.callbackRequest;
import static dev.agentauth.functions.accounts.AccountsFixture.startRequest;
import static dev.agentauth.functions.accounts.AccountsFixture.tokenRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Refresh races against a provider that rotates refresh tokens and revokes the whole family on
 * reuse: many concurrent token requests for an expired token, spread over several "Lambda
 * instances" (handler instances with their own clients and caches), must make exactly one
 * refresh call and all get the same valid token.
 */
@ExtendWith(AwsEndpointExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefreshRaceIT {

    private static final int CONCURRENT = 50;
    private static final int INSTANCES = 5;

    private final AccountsFixture fixture;
    private final SerializingProxy emulator;
    private final RotatingProvider provider = new RotatingProvider();
    private final StartAuthorizationHandler start;
    private final OAuthCallbackHandler callback;
    private final List<IssueAccountTokenHandler> instances = new ArrayList<>();
    private final GetAccountHandler getAccount;
    private final DynamoDbClient dynamo;
    private final HttpClient browser;

    RefreshRaceIT(AwsEndpoint endpoint) {
        // conditional writes must be atomic per item, as in DynamoDB (see SerializingProxy)
        emulator = new SerializingProxy(endpoint);
        fixture = new AccountsFixture(emulator.endpoint());
        start = new StartAuthorizationHandler(fixture.environment);
        callback = new OAuthCallbackHandler(fixture.environment);
        for (int i = 0; i < INSTANCES; i++) instances.add(new IssueAccountTokenHandler(fixture.environment));
        getAccount = new GetAccountHandler(fixture.environment);
        dynamo = fixture.stack.dynamo();
        browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    void stop() {
        provider.close();
        emulator.close();
        dynamo.close();
    }

    private String connectedAccount(String tenant) throws Exception {
        Connection connection = fixture.connection(tenant, provider.url("/authorize"), provider.url("/token"));
        HandlerResponse started = AccountsFixture.invoke(start, startRequest(tenant, connection.id(), Map.of("user_id", "u-7")));
        JsonNode body = started.json();
        HttpResponse<Void> redirect = browser.send(HttpRequest.newBuilder(URI.create(body.path("authorization_url").asText())).build(),
                HttpResponse.BodyHandlers.discarding());
        Map<String, String> params = AccountsFixture.query(URI.create(redirect.headers().firstValue("Location").orElseThrow()));
        assertEquals(200, AccountsFixture.invoke(callback, callbackRequest(params)).status());
        return body.path("account_id").asText();
    }

    /** Moves the stored expiry into the past, as time would. */
    private void expire(String tenant, String accountId) {
        dynamo.updateItem(b -> b.tableName(fixture.stack.tableName())
                .key(Map.of("pk", AttributeValue.fromS("TENANT#" + tenant), "sk", AttributeValue.fromS("ACCT#" + accountId)))
                .updateExpression("SET expires_at = :past")
                .expressionAttributeValues(Map.of(":past", AttributeValue.fromS(Instant.now().minusSeconds(5).toString()))));
    }

    private void clearCooldown(String tenant, String accountId) {
        dynamo.updateItem(b -> b.tableName(fixture.stack.tableName())
                .key(Map.of("pk", AttributeValue.fromS("TENANT#" + tenant), "sk", AttributeValue.fromS("ACCT#" + accountId)))
                .updateExpression("REMOVE cooldown_until"));
    }

    private HandlerResponse token(String tenant, String accountId) {
        return AccountsFixture.invoke(instances.getFirst(), tokenRequest(tenant, accountId));
    }

    private JsonNode account(String tenant, String accountId) {
        return AccountsFixture.invoke(getAccount, HttpApiEventBuilder.request("GET", "/v1/accounts/" + accountId)
                .pathParameter("id", accountId).tenant(tenant)).json();
    }

    @Test
    void concurrentRequestsForAnExpiredTokenMakeExactlyOneRefreshAndShareItsToken() throws Exception {
        int rounds = Integer.getInteger("refresh.rounds", 100);
        String accountId = connectedAccount("tenant-race");
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            for (int round = 0; round < rounds; round++) {
                expire("tenant-race", accountId);
                int refreshesBefore = provider.refreshCalls.get();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HandlerResponse>> answers = new ArrayList<>();
                for (int i = 0; i < CONCURRENT; i++) {
                    IssueAccountTokenHandler instance = instances.get(i % INSTANCES);
                    answers.add(pool.submit(() -> {
                        go.await();
                        return AccountsFixture.invoke(instance, tokenRequest("tenant-race", accountId));
                    }));
                }
                go.countDown();
                Set<String> tokens = new HashSet<>();
                for (Future<HandlerResponse> answer : answers) {
                    HandlerResponse response = answer.get();
                    assertEquals(200, response.status(), "round " + round + ": " + response.body());
                    tokens.add(response.json().path("access_token").asText());
                }
                assertEquals(1, provider.refreshCalls.get() - refreshesBefore, "round " + round);
                assertEquals(1, tokens.size(), "round " + round);
                assertTrue(provider.accessTokenValid(tokens.iterator().next()), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, provider.invalidGrants.get());
        assertFalse(provider.anyFamilyRevoked());
        assertEquals("active", account("tenant-race", accountId).path("status").asText());
    }

    @Test
    void aResponseWithoutRefreshTokenKeepsTheStoredOne() throws Exception {
        String accountId = connectedAccount("tenant-keep");
        provider.omitRefreshToken(true);
        try {
            expire("tenant-keep", accountId);
            String first = token("tenant-keep", accountId).json().path("access_token").asText();
            expire("tenant-keep", accountId);
            HandlerResponse second = token("tenant-keep", accountId);

            assertEquals(200, second.status(), second.body());
            assertNotEquals(first, second.json().path("access_token").asText());
            assertTrue(provider.accessTokenValid(second.json().path("access_token").asText()));
        } finally {
            provider.omitRefreshToken(false);
        }
    }

    @Test
    void transientProviderFailuresBackOffKeepTheAccountActiveAndRecover() throws Exception {
        String accountId = connectedAccount("tenant-flaky");
        expire("tenant-flaky", accountId);
        provider.failNextRefreshes(1, 503);

        HandlerResponse failed = token("tenant-flaky", accountId);
        int callsAfterFailure = provider.refreshCalls.get();
        HandlerResponse coolingDown = token("tenant-flaky", accountId);

        assertEquals(503, failed.status(), failed.body());
        assertTrue(failed.header("Retry-After") != null);
        assertEquals(503, coolingDown.status());
        assertEquals(callsAfterFailure, provider.refreshCalls.get(), "no provider call during the cooldown");
        JsonNode account = account("tenant-flaky", accountId);
        assertEquals("active", account.path("status").asText());
        assertTrue(account.path("last_error").asText().contains("503"));

        clearCooldown("tenant-flaky", accountId);
        HandlerResponse recovered = token("tenant-flaky", accountId);
        assertEquals(200, recovered.status(), recovered.body());
        assertTrue(account("tenant-flaky", accountId).path("last_error").isNull());
    }

    @Test
    void rateLimitedRefreshKeepsHandingOutTheStillValidToken() throws Exception {
        String accountId = connectedAccount("tenant-429");
        String current = token("tenant-429", accountId).json().path("access_token").asText();
        // inside the refresh buffer but not yet expired
        dynamo.updateItem(b -> b.tableName(fixture.stack.tableName())
                .key(Map.of("pk", AttributeValue.fromS("TENANT#tenant-429"), "sk", AttributeValue.fromS("ACCT#" + accountId)))
                .updateExpression("SET expires_at = :soon")
                .expressionAttributeValues(Map.of(":soon", AttributeValue.fromS(Instant.now().plusSeconds(60).toString()))));
        provider.failNextRefreshes(1, 429);

        HandlerResponse answer = token("tenant-429", accountId);

        assertEquals(200, answer.status(), answer.body());
        assertEquals(current, answer.json().path("access_token").asText());
        assertEquals("active", account("tenant-429", accountId).path("status").asText());
    }

    @Test
    void aRevokedGrantMakesTheAccountReauthRequired() throws Exception {
        String accountId = connectedAccount("tenant-revoked");
        String access = token("tenant-revoked", accountId).json().path("access_token").asText();
        // the user revoked the app at the provider: the family is dead
        browser.send(HttpRequest.newBuilder(provider.url("/revoke")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + access)).build(), HttpResponse.BodyHandlers.discarding());
        expire("tenant-revoked", accountId);

        HandlerResponse answer = token("tenant-revoked", accountId);

        assertEquals(409, answer.status(), answer.body());
        assertEquals("reauth_required", account("tenant-revoked", accountId).path("status").asText());
    }
}
