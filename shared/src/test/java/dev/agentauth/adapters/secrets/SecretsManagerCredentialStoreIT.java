package dev.agentauth.adapters.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentauth.adapters.aws.EmulatorResources;
import dev.agentauth.application.credentials.CredentialRef;
import dev.agentauth.application.credentials.CredentialStage;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.testdata.ConnectionsComponent;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

@ExtendWith(AwsEndpointExtension.class)
class SecretsManagerCredentialStoreIT {

    private static EmulatorResources aws;
    private static CredentialStore store;

    @BeforeAll
    static void start(AwsEndpoint endpoint) {
        aws = EmulatorResources.create(endpoint);
        store = ConnectionsComponent.create(aws.env()).credentials();
    }

    private static CredentialRef fresh() {
        return new CredentialRef("tenant-a", "conn_" + UUID.randomUUID());
    }

    private static String token() {
        return UUID.randomUUID().toString();
    }

    @Test
    void putIsIdempotentForTheSameRequestToken() {
        CredentialRef ref = fresh();
        String token = token();

        String first = store.put(ref, new SecretValue("v1"), token);
        String again = store.put(ref, new SecretValue("v1"), token);

        assertEquals(first, again);
        try (SecretsManagerClient secrets = aws.secrets()) {
            assertEquals(1, secrets.listSecretVersionIds(r -> r.secretId(aws.secretPrefix() + "tenant-a/" + ref.connectionId()))
                    .versions().size());
        }
    }

    @Test
    void aShortRequestTokenSuchAsAnIdempotencyKeyIsAcceptedAndStaysIdempotent() {
        CredentialRef ref = fresh();
        store.put(ref, new SecretValue("v1"), "key-1234");

        String staged = store.stage(ref, new SecretValue("v2"), "rotation-2026-01-01");
        String again = store.stage(ref, new SecretValue("v2"), "rotation-2026-01-01");

        assertEquals(staged, again);
        assertEquals("v2", store.read(ref, CredentialStage.PENDING).orElseThrow().reveal());
    }

    @Test
    void stagedValueIsNotInUseUntilPromotedAndThePreviousIsKept() {
        CredentialRef ref = fresh();
        store.put(ref, new SecretValue("old-value"), token());

        String staged = store.stage(ref, new SecretValue("new-value"), token());

        assertEquals("old-value", store.read(ref, CredentialStage.CURRENT).orElseThrow().reveal());
        assertEquals("new-value", store.read(ref, CredentialStage.PENDING).orElseThrow().reveal());

        store.promote(ref, staged);
        store.promote(ref, staged);

        assertEquals("new-value", store.read(ref, CredentialStage.CURRENT).orElseThrow().reveal());
        assertEquals("old-value", store.read(ref, CredentialStage.PREVIOUS).orElseThrow().reveal());
        assertTrue(store.read(ref, CredentialStage.PENDING).isEmpty());
        assertEquals("new-value", store.readVersion(ref, staged).orElseThrow().reveal());
    }

    @Test
    void rollbackMakesThePreviousValueCurrentAgain() {
        CredentialRef ref = fresh();
        store.put(ref, new SecretValue("first"), token());
        store.promote(ref, store.stage(ref, new SecretValue("second"), token()));

        store.rollback(ref);

        assertEquals("first", store.read(ref, CredentialStage.CURRENT).orElseThrow().reveal());
        assertEquals("second", store.read(ref, CredentialStage.PREVIOUS).orElseThrow().reveal());
    }

    @Test
    void schedulingDeletionTwiceIsHarmlessAndDiscardRemovesAtOnce() {
        CredentialRef scheduled = fresh();
        CredentialRef discarded = fresh();
        store.put(scheduled, new SecretValue("a"), token());
        store.put(discarded, new SecretValue("b"), token());

        store.scheduleDeletion(scheduled);
        store.scheduleDeletion(scheduled);
        store.discard(discarded);
        store.discard(discarded);

        assertTrue(store.read(discarded, CredentialStage.CURRENT).isEmpty());
        try (SecretsManagerClient secrets = aws.secrets()) {
            var described = secrets.describeSecret(r -> r.secretId(aws.secretPrefix() + "tenant-a/" + scheduled.connectionId()));
            assertNotEquals(null, described.deletedDate());
        }
    }

    @Test
    void absentSecretsReadAsEmpty() {
        assertTrue(store.read(fresh(), CredentialStage.CURRENT).isEmpty());
    }
}
