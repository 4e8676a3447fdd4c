package dev.agentauth.functions.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionStatus;
import dev.agentauth.domain.connection.TokenEndpointAuthMethod;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** A connection's own token from the client-credentials grant: fetched once, shared, listed nowhere. */
@ExtendWith(AwsEndpointExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionTokenIT {

    private final AccountsFixture fixture;
    private final SerializingProxy emulator;
    private final RotatingProvider provider = new RotatingProvider();
    private final IssueConnectionTokenHandler handler;
    private final ListConnectionAccountsHandler listAccounts;

    ConnectionTokenIT(AwsEndpoint endpoint) {
        // conditional writes must be atomic per item, as in DynamoDB (see SerializingProxy)
        emulator = new SerializingProxy(endpoint);
        fixture = new AccountsFixture(emulator.endpoint());
        handler = new IssueConnectionTokenHandler(fixture.environment);
        listAccounts = new ListConnectionAccountsHandler(fixture.environment);
    }

    @AfterAll
    void stop() {
        provider.close();
        emulator.close();
    }

    private static HttpApiEventBuilder request(String tenant, String connectionId) {
        return HttpApiEventBuilder.request("POST", "/v1/connections/" + connectionId + "/token").pathParameter("id", connectionId)
                .tenant(tenant).scopes("tokens:read", "connections:read");
    }

    @Test
    void concurrentFirstRequestsShareOneClientCredentialsToken() throws Exception {
        Connection connection = fixture.connection("tenant-cc", provider.url("/authorize"), provider.url("/token"));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HandlerResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return AccountsFixture.invoke(handler, request("tenant-cc", connection.id()));
                }));
            }
            go.countDown();
            Set<String> tokens = new HashSet<>();
            for (Future<HandlerResponse> answer : answers) {
                HandlerResponse response = answer.get();
                assertEquals(200, response.status(), response.body());
                tokens.add(response.json().path("access_token").asText());
            }
            assertEquals(1, tokens.size());
            assertEquals(1, provider.clientCredentialGrants.get());
            assertTrue(provider.accessTokenValid(tokens.iterator().next()));
        } finally {
            pool.shutdownNow();
        }
        HandlerResponse listed = AccountsFixture.invoke(listAccounts, HttpApiEventBuilder.request("GET",
                "/v1/connections/" + connection.id() + "/accounts").pathParameter("id", connection.id()).tenant("tenant-cc"));
        assertEquals(0, listed.json().path("items").size());
    }

    @Test
    void providersWithoutTheGrantAnswerConflict() {
        Connection slack = fixture.connection("tenant-cc2", "slack", provider.url("/authorize"), provider.url("/token"),
                ConnectionStatus.ACTIVE, TokenEndpointAuthMethod.CLIENT_SECRET_POST);

        assertEquals(409, AccountsFixture.invoke(handler, request("tenant-cc2", slack.id())).status());
        assertEquals(404, AccountsFixture.invoke(handler, request("tenant-other", slack.id())).status());
    }
}
