package dev.agentauth.adapters.kms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentauth.application.vault.SealedValue;
import dev.agentauth.application.vault.TokenVault;
import dev.agentauth.application.vault.VaultContext;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

@ExtendWith(AwsEndpointExtension.class)
class KmsEnvelopeVaultIT {

    private final Map<String, AtomicInteger> kmsCalls = new ConcurrentHashMap<>();
    private final KmsClient kms;
    private String alias;

    KmsEnvelopeVaultIT(AwsEndpoint endpoint) {
        this.kms = KmsClient.builder()
                .endpointOverride(endpoint.url())
                .region(Region.of(endpoint.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(endpoint.accessKeyId(), endpoint.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        kmsCalls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                                k -> new AtomicInteger()).incrementAndGet();
                    }
                }))
                .build();
    }

    @BeforeEach
    void createKey() {
        String keyId = kms.createKey(b -> b.description("vault test")).keyMetadata().keyId();
        alias = "alias/vault-" + UUID.randomUUID();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(keyId));
        kmsCalls.clear();
    }

    private TokenVault vault() {
        return new KmsEnvelopeVault(kms, alias, DataKeyCache.defaults(Clock.systemUTC()));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private int calls(String operation) {
        return kmsCalls.getOrDefault(operation, new AtomicInteger()).get();
    }

    @Test
    void sealedTokenOpensUnderItsOwnContext() {
        VaultContext context = VaultContext.of("t1", "conn_1", "acct_1", "access_token");
        SealedValue sealed = vault().seal(context, bytes("secret-access-token"));

        assertArrayEquals(bytes("secret-access-token"), vault().open(context, sealed));
        assertEquals(12, sealed.iv().length);
        assertNotEquals(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains("secret-access-token"), true);
    }

    @Test
    void ciphertextCopiedToAnotherAccountDoesNotOpen() {
        TokenVault vault = vault();
        SealedValue sealed = vault.seal(VaultContext.of("t1", "conn_1", "acct_1", "refresh_token"), bytes("rt"));

        // a fresh instance (no cached data key) is refused by KMS itself; a warm one by the GCM tag
        assertThrows(TokenVault.VaultException.class,
                () -> vault().open(VaultContext.of("t1", "conn_1", "acct_2", "refresh_token"), sealed));
        assertThrows(TokenVault.VaultException.class,
                () -> vault.open(VaultContext.of("t1", "conn_1", "acct_2", "refresh_token"), sealed));
    }

    @Test
    void ciphertextCopiedToAnotherTenantOrConnectionDoesNotOpen() {
        TokenVault vault = vault();
        SealedValue sealed = vault.seal(VaultContext.of("t1", "conn_1", "acct_1", "refresh_token"), bytes("rt"));

        assertThrows(TokenVault.VaultException.class,
                () -> vault().open(VaultContext.of("t2", "conn_1", "acct_1", "refresh_token"), sealed));
        assertThrows(TokenVault.VaultException.class,
                () -> vault.open(VaultContext.of("t2", "conn_1", "acct_1", "refresh_token"), sealed));
        assertThrows(TokenVault.VaultException.class,
                () -> vault.open(VaultContext.of("t1", "conn_2", "acct_1", "refresh_token"), sealed));
    }

    @Test
    void ciphertextMovedToAnotherFieldDoesNotOpen() {
        TokenVault vault = vault();
        SealedValue sealed = vault.seal(VaultContext.of("t1", "conn_1", "acct_1", "refresh_token"), bytes("rt"));

        assertThrows(TokenVault.VaultException.class,
                () -> vault.open(VaultContext.of("t1", "conn_1", "acct_1", "access_token"), sealed));
    }

    @Test
    void tamperedCiphertextDoesNotOpen() {
        VaultContext context = VaultContext.of("t1", "conn_1", "acct_1", "access_token");
        SealedValue sealed = vault().seal(context, bytes("token"));
        byte[] ciphertext = sealed.ciphertext();
        ciphertext[0] ^= 1;

        assertThrows(TokenVault.VaultException.class, () -> vault().open(context,
                new SealedValue(sealed.keyId(), sealed.encryptedDataKey(), sealed.iv(), ciphertext)));
    }

    @Test
    void opensAfterOnDemandRotationAndAfterTheAliasMovesToANewKey() {
        VaultContext context = VaultContext.of("t1", "conn_1", "acct_1", "refresh_token");
        SealedValue before = vault().seal(context, bytes("before-rotation"));
        String oldKey = kms.describeKey(b -> b.keyId(alias)).keyMetadata().keyId();

        kms.rotateKeyOnDemand(b -> b.keyId(oldKey));
        assertArrayEquals(bytes("before-rotation"), vault().open(context, before));

        String newKey = kms.createKey(b -> b.description("successor")).keyMetadata().keyId();
        kms.updateAlias(b -> b.aliasName(alias).targetKeyId(newKey));
        SealedValue after = vault().seal(context, bytes("after-move"));

        assertNotEquals(before.keyId(), after.keyId());
        assertArrayEquals(bytes("before-rotation"), vault().open(context, before));
        assertArrayEquals(bytes("after-move"), vault().open(context, after));
    }

    @Test
    void warmInstanceOpensACachedValueWithoutCallingKms() {
        VaultContext context = VaultContext.of("t1", "conn_1", "acct_1", "access_token");
        SealedValue sealed = vault().seal(context, bytes("at"));
        TokenVault warm = vault();

        warm.open(context, sealed);
        int decryptsAfterFirstOpen = calls("Decrypt");
        warm.open(context, sealed);
        warm.open(context, sealed);

        assertEquals(1, decryptsAfterFirstOpen);
        assertEquals(1, calls("Decrypt"));
    }

    @Test
    void oneDataKeySealsBothTokensOfAnAccountThenIsReplacedAfterItsMessageBound() {
        TokenVault vault = new KmsEnvelopeVault(kms, alias, new DataKeyCache(Clock.systemUTC(), 2, Duration.ofMinutes(5), 10));
        SealedValue access = vault.seal(VaultContext.of("t1", "conn_1", "acct_1", "access_token"), bytes("a"));
        SealedValue refresh = vault.seal(VaultContext.of("t1", "conn_1", "acct_1", "refresh_token"), bytes("r"));
        SealedValue third = vault.seal(VaultContext.of("t1", "conn_1", "acct_1", "access_token"), bytes("a2"));

        assertArrayEquals(access.encryptedDataKey(), refresh.encryptedDataKey());
        assertNotEquals(java.util.Arrays.toString(access.encryptedDataKey()), java.util.Arrays.toString(third.encryptedDataKey()));
        assertEquals(2, calls("GenerateDataKey"));
        assertNotEquals(java.util.Arrays.toString(access.iv()), java.util.Arrays.toString(refresh.iv()));
    }

    @Test
    void encryptSideDataKeyExpiresAfterItsMaximumAge() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        TokenVault vault = new KmsEnvelopeVault(kms, alias, new DataKeyCache(clock, 100, Duration.ofMinutes(5), 10));
        VaultContext context = VaultContext.of("t1", "conn_1", "acct_1", "access_token");

        vault.seal(context, bytes("a"));
        clock.advance(Duration.ofMinutes(6));
        vault.seal(context, bytes("b"));

        assertEquals(2, calls("GenerateDataKey"));
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
