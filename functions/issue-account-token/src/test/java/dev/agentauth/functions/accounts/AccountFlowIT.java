package dev.agentauth.functions.accounts;

import static dev.agentauth.functions.accounts.AccountsFixture.RETURN_TO;
import static dev.agentauth.functions.accounts.AccountsFixture.callbackRequest;
import static dev.agentauth.functions.accounts.AccountsFixture.startRequest;
import static dev.agentauth.functions.accounts.AccountsFixture.tokenRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.adapters.aws.EventCapture;
import dev.agentauth.application.accounts.Pkce;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionStatus;
import dev.agentauth.domain.connection.TokenEndpointAuthMethod;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Connecting an account end to end, at handler level, against providers that enforce PKCE. */
@ExtendWith(AwsEndpointExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountFlowIT {

    private final AccountsFixture fixture;
    private final MockOAuth2Server oauth = new MockOAuth2Server();
    private final RotatingProvider provider = new RotatingProvider();
    private final StartAuthorizationHandler start;
    private final OAuthCallbackHandler callback;
    private final IssueAccountTokenHandler token;
    private final GetAccountHandler getAccount;
    private final ListConnectionAccountsHandler listAccounts;
    private final DeleteAccountHandler deleteAccount;
    private final HttpClient browser;
    private final EventCapture events;

    AccountFlowIT(AwsEndpoint endpoint) {
        oauth.start();
        fixture = new AccountsFixture(endpoint);
        start = new StartAuthorizationHandler(fixture.environment);
        callback = new OAuthCallbackHandler(fixture.environment);
        token = new IssueAccountTokenHandler(fixture.environment);
        getAccount = new GetAccountHandler(fixture.environment);
        listAccounts = new ListConnectionAccountsHandler(fixture.environment);
        deleteAccount = new DeleteAccountHandler(fixture.environment);
        // after the handlers: the outbound client configures java.net.http before anyone else uses it
        browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        events = EventCapture.on(fixture.stack);
    }

    @AfterAll
    void stop() {
        events.close();
        oauth.shutdown();
        provider.close();
    }

    private Connection mockServerConnection(String tenant) {
        return fixture.connection(tenant, "custom", oauth.authorizationEndpointUrl("default").uri(),
                oauth.tokenEndpointUrl("default").uri(), ConnectionStatus.ACTIVE, TokenEndpointAuthMethod.CLIENT_SECRET_BASIC);
    }

    private Connection rotatingConnection(String tenant) {
        return fixture.connection(tenant, provider.url("/authorize"), provider.url("/token"));
    }

    private JsonNode startAuthorization(String tenant, Connection connection, Map<String, Object> body) {
        HandlerResponse response = AccountsFixture.invoke(start, startRequest(tenant, connection.id(), body));
        assertEquals(201, response.status(), response.body());
        return response.json();
    }

    /** Plays the user's browser: the provider logs in automatically and redirects with code and state. */
    private Map<String, String> authorize(String authorizationUrl) {
        try {
            HttpResponse<Void> answer = browser.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(302, answer.statusCode());
            URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
            assertTrue(location.toString().startsWith(AccountsFixture.REDIRECT_URI), location.toString());
            return AccountsFixture.query(location);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void connectsAnAccountThroughMockOAuth2ServerAndHandsOutItsToken() {
        Connection connection = mockServerConnection("tenant-flow");
        JsonNode started = startAuthorization("tenant-flow", connection,
                Map.of("user_id", "u-42", "scopes", List.of("openid", "read"), "return_to", RETURN_TO));

        Map<String, String> params = AccountsFixture.query(URI.create(started.path("authorization_url").asText()));
        assertEquals("code", params.get("response_type"));
        assertEquals("client-1", params.get("client_id"));
        assertEquals(AccountsFixture.REDIRECT_URI, params.get("redirect_uri"));
        assertEquals("openid read", params.get("scope"));
        assertEquals("S256", params.get("code_challenge_method"));
        assertEquals(43, params.get("code_challenge").length());
        assertEquals("offline", params.get("access_type"));
        assertTrue(params.get("state").length() >= 43);

        HandlerResponse done = AccountsFixture.invoke(callback, callbackRequest(authorize(started.path("authorization_url").asText())));
        assertEquals(302, done.status(), done.body());
        assertEquals(RETURN_TO, done.header("Location"));
        assertEquals("no-referrer", done.header("Referrer-Policy"));

        String accountId = started.path("account_id").asText();
        HandlerResponse issued = AccountsFixture.invoke(token, tokenRequest("tenant-flow", accountId));
        assertEquals(200, issued.status(), issued.body());
        assertFalse(issued.json().path("access_token").asText().isBlank());
        assertEquals("Bearer", issued.json().path("token_type").asText());
        assertNotNull(issued.json().path("expires_at").textValue());

        HandlerResponse account = AccountsFixture.invoke(getAccount, HttpApiEventBuilder.request("GET", "/v1/accounts/" + accountId)
                .pathParameter("id", accountId).tenant("tenant-flow"));
        assertEquals("active", account.json().path("status").asText());
        assertFalse(account.body().contains(issued.json().path("access_token").asText()));
        List<JsonNode> published = events.drain();
        assertTrue(published.stream().anyMatch(e -> e.path("detail-type").asText().equals("Account Connected")
                && e.path("detail").path("account_id").asText().equals(accountId)), published.toString());
        assertFalse(published.toString().contains(issued.json().path("access_token").asText()));
    }

    @Test
    void aFreshTokenOnAWarmInstanceCostsOneDynamoDbReadAndNoKmsCall() {
        Connection connection = rotatingConnection("tenant-warm");
        JsonNode started = startAuthorization("tenant-warm", connection, Map.of("user_id", "u-1"));
        AccountsFixture.invoke(callback, callbackRequest(authorize(started.path("authorization_url").asText())));
        String accountId = started.path("account_id").asText();
        assertEquals(200, AccountsFixture.invoke(token, tokenRequest("tenant-warm", accountId)).status());

        Map<String, Integer> before = AwsCallCounter.snapshot();
        HandlerResponse warm = AccountsFixture.invoke(token, tokenRequest("tenant-warm", accountId));
        Map<String, Integer> calls = AwsCallCounter.since(before);

        assertEquals(200, warm.status());
        assertEquals(1, calls.getOrDefault("DynamoDb.GetItem", 0), calls.toString());
        assertTrue(calls.keySet().stream().noneMatch(c -> c.startsWith("Kms.") || c.startsWith("SecretsManager.")
                || c.equals("DynamoDb.Query") || c.equals("DynamoDb.BatchGetItem")), calls.toString());
        // the one write is the audit record of the token issue
        assertEquals(Map.of("DynamoDb.GetItem", 1, "DynamoDb.BatchWriteItem", 1), calls);
    }

    @Test
    void replayedCallbackIsRefusedWithoutAProviderCall() {
        Connection connection = rotatingConnection("tenant-replay");
        JsonNode started = startAuthorization("tenant-replay", connection, Map.of("user_id", "u-1"));
        Map<String, String> redirect = authorize(started.path("authorization_url").asText());

        HandlerResponse first = AccountsFixture.invoke(callback, callbackRequest(redirect));
        int exchanges = provider.codeExchanges.get();
        HandlerResponse replay = AccountsFixture.invoke(callback, callbackRequest(redirect));

        assertEquals(200, first.status(), first.body());
        assertEquals(400, replay.status());
        assertEquals("no-referrer", replay.header("Referrer-Policy"));
        assertEquals(exchanges, provider.codeExchanges.get());
    }

    @Test
    void unknownOrTamperedStateIsRefusedWithoutAProviderCall() {
        Connection connection = rotatingConnection("tenant-tamper");
        JsonNode started = startAuthorization("tenant-tamper", connection, Map.of("user_id", "u-1"));
        Map<String, String> redirect = authorize(started.path("authorization_url").asText());
        int exchanges = provider.codeExchanges.get();
        String state = redirect.get("state");
        String tampered = (state.charAt(0) == 'A' ? 'B' : 'A') + state.substring(1);

        assertEquals(400, AccountsFixture.invoke(callback, callbackRequest(Map.of("code", redirect.get("code"), "state", tampered))).status());
        assertEquals(400, AccountsFixture.invoke(callback, callbackRequest(Map.of("code", redirect.get("code")))).status());
        assertEquals(400, AccountsFixture.invoke(callback, callbackRequest(Map.of("code", "x", "state", "unknown"))).status());
        assertEquals(exchanges, provider.codeExchanges.get());
        // the genuine state still works once
        assertEquals(200, AccountsFixture.invoke(callback, callbackRequest(redirect)).status());
    }

    @Test
    void expiredStateIsRefusedWithoutAProviderCall() {
        Connection connection = rotatingConnection("tenant-expired");
        JsonNode started = startAuthorization("tenant-expired", connection, Map.of("user_id", "u-1"));
        Map<String, String> redirect = authorize(started.path("authorization_url").asText());
        String hash = dev.agentauth.application.accounts.StateToken.hash(redirect.get("state"));
        try (var dynamo = fixture.stack.dynamo()) {
            dynamo.updateItem(b -> b.tableName(fixture.stack.tableName())
                    .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("OAUTH_STATE#" + hash),
                            "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("STATE")))
                    .updateExpression("SET expires_at = :past")
                    .expressionAttributeValues(Map.of(":past", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(
                            Long.toString(java.time.Instant.now().minusSeconds(1).getEpochSecond())))));
        }
        int exchanges = provider.codeExchanges.get();

        assertEquals(400, AccountsFixture.invoke(callback, callbackRequest(redirect)).status());
        assertEquals(exchanges, provider.codeExchanges.get());
    }

    @Test
    void anIssuerOtherThanTheTemplatesAbortsBeforeTheTokenRequest() {
        Connection google = fixture.connection("tenant-iss", "google_workspace", provider.url("/authorize"), provider.url("/token"),
                ConnectionStatus.ACTIVE, TokenEndpointAuthMethod.CLIENT_SECRET_POST);
        JsonNode first = startAuthorization("tenant-iss", google, Map.of("user_id", "u-1"));
        Map<String, String> forged = new java.util.HashMap<>(authorize(first.path("authorization_url").asText()));
        forged.put("iss", "https://accounts.google.com.evil.example");
        int exchanges = provider.codeExchanges.get();

        assertEquals(400, AccountsFixture.invoke(callback, callbackRequest(forged)).status());
        assertEquals(exchanges, provider.codeExchanges.get());

        JsonNode second = startAuthorization("tenant-iss", google, Map.of("user_id", "u-1"));
        Map<String, String> genuine = new java.util.HashMap<>(authorize(second.path("authorization_url").asText()));
        genuine.put("iss", "https://accounts.google.com");
        assertEquals(200, AccountsFixture.invoke(callback, callbackRequest(genuine)).status());
    }

    @Test
    void secretsManagerStorageKeepsTheTokensInOneSecretPerAccount() {
        Connection connection = fixture.connection("tenant-sm", "custom", provider.url("/authorize"), provider.url("/token"),
                ConnectionStatus.ACTIVE, TokenEndpointAuthMethod.CLIENT_SECRET_POST, dev.agentauth.domain.connection.TokenStorage.SECRETS_MANAGER);
        JsonNode started = startAuthorization("tenant-sm", connection, Map.of("user_id", "u-1"));
        assertEquals(200, AccountsFixture.invoke(callback, callbackRequest(authorize(started.path("authorization_url").asText()))).status());
        String accountId = started.path("account_id").asText();
        String secretName = fixture.stack.secretPrefix() + "tenant-sm/" + connection.id() + "/accounts/" + accountId;

        HandlerResponse issued = AccountsFixture.invoke(token, tokenRequest("tenant-sm", accountId));
        assertEquals(200, issued.status(), issued.body());
        assertTrue(provider.accessTokenValid(issued.json().path("access_token").asText()));
        try (var secrets = fixture.stack.secrets(); var dynamo = fixture.stack.dynamo()) {
            assertTrue(secrets.getSecretValue(r -> r.secretId(secretName)).secretString()
                    .contains(issued.json().path("access_token").asText()));
            var item = dynamo.getItem(r -> r.tableName(fixture.stack.tableName()).key(Map.of(
                    "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("TENANT#tenant-sm"),
                    "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ACCT#" + accountId)))).item();
            assertFalse(item.containsKey("access_token"));
            assertTrue(item.containsKey("token_secret_version"));

            assertEquals(204, AccountsFixture.invoke(deleteAccount, HttpApiEventBuilder.request("DELETE", "/v1/accounts/" + accountId)
                    .pathParameter("id", accountId).tenant("tenant-sm")).status());
            assertThrows(software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException.class,
                    () -> secrets.getSecretValue(r -> r.secretId(secretName)));
        }
    }

    @Test
    void providerErrorMarksTheAccountErrorWithAClearPage() {
        Connection connection = rotatingConnection("tenant-denied");
        JsonNode started = startAuthorization("tenant-denied", connection, Map.of("user_id", "u-1"));
        Map<String, String> redirect = authorize(started.path("authorization_url").asText());

        HandlerResponse denied = AccountsFixture.invoke(callback, callbackRequest(Map.of("state", redirect.get("state"),
                "error", "access_denied", "error_description", "<script>alert(1)</script>")));

        assertEquals(400, denied.status());
        assertTrue(denied.body().contains("access_denied"));
        assertFalse(denied.body().contains("<script>"));
        assertFalse(denied.body().contains("http"));
        String accountId = started.path("account_id").asText();
        HandlerResponse account = AccountsFixture.invoke(getAccount, HttpApiEventBuilder.request("GET", "/v1/accounts/" + accountId)
                .pathParameter("id", accountId).tenant("tenant-denied"));
        assertEquals("error", account.json().path("status").asText());
    }

    @Test
    void returnToMustMatchAnAllowedUrlExactly() {
        Connection connection = rotatingConnection("tenant-return");
        for (String evil : List.of("//evil.example", "\\\\evil.example", "https://app.example.com@evil.example/done",
                "https://app.example.com/done/../../evil", "https://app.example.com/done?next=https://evil.example",
                "https://app.example.com/done%2F..%2Fevil", "https%3A%2F%2Fevil.example", "https://APP.example.com/done",
                "https://app.example.com/done/", "https://app.example.com/done#x", "javascript:alert(1)")) {
            HandlerResponse response = AccountsFixture.invoke(start, startRequest("tenant-return", connection.id(),
                    Map.of("user_id", "u-1", "return_to", evil)));
            assertEquals(422, response.status(), evil);
            assertEquals("return_to", response.json().path("errors").path(0).path("field").asText());
        }
    }

    @Test
    void scopesOutsideTheConnectionAndUnknownFieldsAreListedTogether() {
        Connection connection = rotatingConnection("tenant-scopes");
        HandlerResponse response = AccountsFixture.invoke(start, startRequest("tenant-scopes", connection.id(),
                Map.of("user_id", "u-1", "scopes", List.of("read", "admin"), "extra", true)));

        assertEquals(422, response.status());
        String errors = response.json().path("errors").toString();
        assertTrue(errors.contains("scopes[1]"), errors);
        assertTrue(errors.contains("extra"), errors);
    }

    @Test
    void onlyActiveConnectionsStartAuthorizations() {
        Connection draft = fixture.connection("tenant-draft", "custom", provider.url("/authorize"), provider.url("/token"),
                ConnectionStatus.DRAFT, TokenEndpointAuthMethod.CLIENT_SECRET_POST);

        assertEquals(409, AccountsFixture.invoke(start, startRequest("tenant-draft", draft.id(), Map.of("user_id", "u-1"))).status());
    }

    @Test
    void aConnectionWithoutRedirectUriCannotStartAuthorizationsAndSaysWhy() {
        Connection connection = fixture.connection("tenant-no-redirect", provider.url("/authorize"), provider.url("/token"));
        var oauth = connection.oauth();
        Connection withoutRedirect = connection.toBuilder()
                .oauth(new dev.agentauth.domain.connection.OAuthConfig(oauth.clientId(), oauth.clientSecret(), null,
                        oauth.authorizationUrl(), oauth.tokenUrl(), oauth.pkce(), oauth.tokenEndpointAuthMethod(), oauth.extraAuthorizationParams()))
                .version(connection.version() + 1).build();
        fixture.connections().update(connection, withoutRedirect,
                dev.agentauth.domain.connection.ConnectionVersion.of(withoutRedirect, List.of("oauth.redirect_uri")));

        HandlerResponse response = AccountsFixture.invoke(start, startRequest("tenant-no-redirect", connection.id(), Map.of("user_id", "u-1")));

        assertEquals(409, response.status(), response.body());
        assertTrue(response.body().contains("redirect_uri"), response.body());
    }

    @Test
    void anotherTenantSeesNoneOfTheAccounts() {
        Connection connection = rotatingConnection("tenant-owner");
        JsonNode started = startAuthorization("tenant-owner", connection, Map.of("user_id", "u-1"));
        AccountsFixture.invoke(callback, callbackRequest(authorize(started.path("authorization_url").asText())));
        String accountId = started.path("account_id").asText();

        assertEquals(404, AccountsFixture.invoke(token, tokenRequest("tenant-intruder", accountId)).status());
        assertEquals(404, AccountsFixture.invoke(getAccount, HttpApiEventBuilder.request("GET", "/v1/accounts/" + accountId)
                .pathParameter("id", accountId).tenant("tenant-intruder")).status());
        assertEquals(404, AccountsFixture.invoke(deleteAccount, HttpApiEventBuilder.request("DELETE", "/v1/accounts/" + accountId)
                .pathParameter("id", accountId).tenant("tenant-intruder")).status());
        assertEquals(404, AccountsFixture.invoke(start, startRequest("tenant-intruder", connection.id(), Map.of("user_id", "u-1"))).status());
        assertEquals(404, AccountsFixture.invoke(listAccounts, HttpApiEventBuilder.request("GET", "/v1/connections/" + connection.id() + "/accounts")
                .pathParameter("id", connection.id()).tenant("tenant-intruder")).status());
        assertEquals(200, AccountsFixture.invoke(token, tokenRequest("tenant-owner", accountId)).status());
    }

    @Test
    void listsAndDeletesAccountsRevokingTheGrantAtTheProvider() {
        Connection connection = rotatingConnection("tenant-delete");
        JsonNode started = startAuthorization("tenant-delete", connection, Map.of("user_id", "u-1"));
        AccountsFixture.invoke(callback, callbackRequest(authorize(started.path("authorization_url").asText())));
        String accountId = started.path("account_id").asText();

        HandlerResponse listed = AccountsFixture.invoke(listAccounts, HttpApiEventBuilder.request("GET",
                "/v1/connections/" + connection.id() + "/accounts").pathParameter("id", connection.id()).tenant("tenant-delete"));
        assertEquals(200, listed.status());
        assertEquals(accountId, listed.json().path("items").path(0).path("id").asText());

        HandlerResponse deleted = AccountsFixture.invoke(deleteAccount, HttpApiEventBuilder.request("DELETE", "/v1/accounts/" + accountId)
                .pathParameter("id", accountId).tenant("tenant-delete"));
        assertEquals(204, deleted.status());
        assertEquals(404, AccountsFixture.invoke(getAccount, HttpApiEventBuilder.request("GET", "/v1/accounts/" + accountId)
                .pathParameter("id", accountId).tenant("tenant-delete")).status());
    }

    @Test
    void pkceChallengeIsTheS256OfTheVerifier() {
        Pkce pkce = Pkce.generate(new java.security.SecureRandom());
        assertTrue(pkce.verifier().length() >= 43 && pkce.verifier().length() <= 128);
        // RFC 7636 appendix B
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }
}
