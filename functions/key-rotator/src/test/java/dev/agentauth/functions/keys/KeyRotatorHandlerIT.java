package dev.agentauth.functions.keys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentauth.accounts.AccountsTestStack;
import dev.agentauth.adapters.rotation.ConnectionFixtures;
import dev.agentauth.adapters.rotation.RotationTestComponent;
import dev.agentauth.application.accounts.StoredAccount;
import dev.agentauth.domain.account.Account;
import dev.agentauth.domain.account.AccountStatus;
import dev.agentauth.domain.account.TokenSet;
import java.util.List;
import dev.agentauth.application.connections.ConnectionJson;
import dev.agentauth.application.credentials.CredentialRef;
import dev.agentauth.application.credentials.CredentialStage;
import dev.agentauth.config.Environment;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.domain.rotation.CredentialRotation;
import dev.agentauth.domain.rotation.RotationStep;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.kms.KmsClient;

@ExtendWith(AwsEndpointExtension.class)
class KeyRotatorHandlerIT {

    private static final String TENANT = "tenant-keys";

    private final AccountsTestStack stack;
    private final RotationTestComponent stores;
    private final KeyRotatorHandler handler;
    private final WireMockServer provider = new WireMockServer(options().dynamicPort());

    KeyRotatorHandlerIT(AwsEndpoint aws) {
        this.stack = AccountsTestStack.create(aws);
        this.stores = RotationTestComponent.create(stack.environment());
        this.handler = new KeyRotatorHandler(Environment.of(stack.environment()));
    }

    @BeforeEach
    void start() {
        provider.start();
        provider.stubFor(get(urlPathEqualTo("/authorize")).willReturn(aResponse().withStatus(200)));
        provider.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
    }

    @AfterEach
    void stop() {
        provider.stop();
    }

    @Test
    void turnsKeyRotationBackOnAndARedeliveredEventDoesNothing() {
        try (KmsClient kms = stack.kms()) {
            kms.disableKeyRotation(b -> b.keyId(stack.keyId()));
            String eventId = UUID.randomUUID().toString();

            JsonNode first = invoke(eventId);
            JsonNode again = invoke(eventId);

            assertTrue(first.path("key_rotation_reenabled").asBoolean());
            assertTrue(kms.getKeyRotationStatus(b -> b.keyId(stack.keyId())).keyRotationEnabled());
            assertTrue(again.path("duplicate").asBoolean());
        }
    }

    @Test
    void announcesACredentialOlderThanItsMaximumAgeOncePerDuePeriod() {
        SecretValue secret = new SecretValue("aged-" + UUID.randomUUID());
        Connection aged = ConnectionFixtures.activeOAuthConnection(stores.connections(), stores.store(), TENANT, secret,
                "http://127.0.0.1:" + provider.port(), Instant.now().minus(Duration.ofDays(100)));
        Connection young = ConnectionFixtures.activeOAuthConnection(stores.connections(), stores.store(), TENANT, secret,
                "http://127.0.0.1:" + provider.port(), Instant.now());

        JsonNode first = invoke(UUID.randomUUID().toString());
        JsonNode second = invoke(UUID.randomUUID().toString());

        assertEquals(1, first.path("rotation_due_notices").asInt());
        assertEquals(0, second.path("rotation_due_notices").asInt(), "one notice per due period");
        JsonNode view = ConnectionJson.render(stores.connections().find(TENANT, aged.id()).orElseThrow());
        assertTrue(Instant.parse(view.path("rotation").path("due_at").asText()).isBefore(Instant.now()));
        JsonNode youngView = ConnectionJson.render(stores.connections().find(TENANT, young.id()).orElseThrow());
        assertTrue(Instant.parse(youngView.path("rotation").path("due_at").asText()).isAfter(Instant.now()));
    }

    @Test
    void finishesACredentialRotationThatWasCutOffAfterItsNewSecretWasPromoted() {
        SecretValue old = new SecretValue("old-" + UUID.randomUUID());
        Connection connection = ConnectionFixtures.activeOAuthConnection(stores.connections(), stores.store(), TENANT, old,
                "http://127.0.0.1:" + provider.port(), Instant.now());
        SecretValue fresh = new SecretValue("new-" + UUID.randomUUID());
        CredentialRef ref = new CredentialRef(TENANT, connection.id());
        // a rotation that staged and promoted the new secret, then stopped: its record says PROMOTED three minutes ago
        String versionId = stores.store().stage(ref, fresh, "rot_interrupted_" + UUID.randomUUID());
        stores.store().promote(ref, versionId);
        Instant started = Instant.now().minus(Duration.ofMinutes(3));
        CredentialRotation interrupted = new CredentialRotation(TENANT, connection.id(), "rot_" + UUID.randomUUID(),
                RotationStep.PROMOTED, versionId, connection.credential().orElseThrow(),
                dev.agentauth.domain.connection.CredentialSummary.of(fresh, started, versionId), null, "owner-1", "req-1",
                started, started, 0);
        assertTrue(stores.records().save(interrupted, 0));

        JsonNode report = invoke(UUID.randomUUID().toString());

        assertTrue(report.path("rotations_resumed").asInt() >= 1);
        assertEquals(RotationStep.COMPLETED, stores.records().find(TENANT, connection.id()).orElseThrow().step());
        assertEquals(fresh.last4(), stores.connections().find(TENANT, connection.id()).orElseThrow().credential().orElseThrow().last4());
        assertEquals(fresh, stores.store().read(ref, CredentialStage.CURRENT).orElseThrow());
        assertFalse(stores.records().openBefore(Instant.now(), 100).stream().anyMatch(r -> r.connectionId().equals(connection.id())));
    }

    @Test
    void reSealsVaultItemsWrittenUnderTheKeyTheAliasNamedBeforeItMoved() {
        VaultTestComponent vault = VaultTestComponent.create(stack.environment());
        Instant now = Instant.now();
        String id = "acct_" + UUID.randomUUID().toString().replace("-", "");
        Account account = new Account(TENANT, id, "conn_x", "user-1", AccountStatus.ACTIVE, List.of("read"),
                now.plus(Duration.ofHours(1)), now, null, 1, now, now);
        TokenSet tokens = new TokenSet("access-" + id, "refresh-" + id, "Bearer", account.expiresAt(), List.of("read"));
        vault.accounts().create(new StoredAccount(account, vault.sealer().sealInVault(account, tokens), now.plus(Duration.ofMinutes(55)),
                null, null, null, 0));
        try (KmsClient kms = stack.kms()) {
            invoke(UUID.randomUUID().toString()); // a first pass under the original key: nothing to re-seal
            String newKey = kms.createKey(b -> b.description("successor key")).keyMetadata().keyId();
            kms.updateAlias(b -> b.aliasName(stack.keyAlias()).targetKeyId(newKey));

            JsonNode moved = invoke(UUID.randomUUID().toString());
            JsonNode again = invoke(UUID.randomUUID().toString());

            assertEquals(1, moved.path("vault_items_resealed").asInt());
            assertEquals(0, again.path("vault_items_resealed").asInt(), "the pass for the new key is complete");
            StoredAccount stored = vault.accounts().find(TENANT, id).orElseThrow();
            assertTrue(stored.tokens().accessToken().keyId().endsWith(newKey));
            assertTrue(stored.tokens().refreshToken().keyId().endsWith(newKey));
            TokenSet opened = vault.sealer().open(stored.account(), stored.tokens());
            assertEquals(tokens.accessToken(), opened.accessToken());
            assertEquals(tokens.refreshToken(), opened.refreshToken());
        }
    }

    private JsonNode invoke(String eventId) {
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
}
