package dev.agentauth.adapters.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dagger.Component;
import dev.agentauth.application.keys.KeyManagement;
import dev.agentauth.application.keys.KeyRotation;
import dev.agentauth.application.keys.KeyRotationOutcome;
import dev.agentauth.application.keys.KeyRotationPolicy;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

/** The key rotator against moto's KMS, through the production modules. */
@ExtendWith(AwsEndpointExtension.class)
class KeyRotationIT {

    @Singleton
    @Component(modules = {ConfigurationModule.class, KeyManagementModule.class})
    interface KeysComponent {
        KeyRotation keyRotation();

        KeyManagement keyManagement();

        KmsClient kms();
    }

    private final AwsEndpoint aws;

    KeyRotationIT(AwsEndpoint aws) {
        this.aws = aws;
    }

    private KeysComponent component(String alias, int periodDays) {
        Map<String, String> env = new HashMap<>(aws.environment());
        env.put("AGENTAUTH_KMS_KEY_ID", alias);
        env.put("AGENTAUTH_KEY_ROTATION_PERIOD_DAYS", Integer.toString(periodDays));
        return DaggerKeyRotationIT_KeysComponent.builder()
                .configurationModule(new ConfigurationModule(Environment.of(env))).build();
    }

    private String keyBehindAlias(KmsClient kms) {
        String keyId = kms.createKey(b -> b.description("agentauth test key")).keyMetadata().keyId();
        String alias = "alias/agentauth-test-" + UUID.randomUUID();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(keyId));
        return alias;
    }

    @Test
    void turnsAutomaticRotationBackOnWhenSomeoneSwitchedItOff() {
        KmsClient kms = component("unused", 365).kms();
        String alias = keyBehindAlias(kms);
        KeysComponent keys = component(alias, 365);
        String keyId = keys.keyManagement().state().keyId();
        kms.disableKeyRotation(b -> b.keyId(keyId));

        KeyRotationOutcome first = keys.keyRotation().enforce();
        KeyRotationOutcome second = keys.keyRotation().enforce();

        assertTrue(first.automaticRotationEnabled());
        assertFalse(first.rotatedOnDemand());
        assertTrue(kms.getKeyRotationStatus(b -> b.keyId(keyId)).keyRotationEnabled());
        assertFalse(second.automaticRotationEnabled(), "nothing to do once rotation is on");
    }

    @Test
    void rotatesOnDemandWhenThePeriodIsShorterThanKmsAllowsAndTheMaterialIsOlder() {
        KmsClient kms = component("unused", 30).kms();
        String alias = keyBehindAlias(kms);
        KeysComponent keys = component(alias, 30);
        String keyId = keys.keyManagement().state().keyId();

        KeyRotationOutcome today = new KeyRotation(keys.keyManagement(), new KeyRotationPolicy(30), Clock.systemUTC()).enforce();
        Clock in31Days = Clock.fixed(Instant.now().plus(Duration.ofDays(31)), ZoneOffset.UTC);
        KeyRotationOutcome later = new KeyRotation(keys.keyManagement(), new KeyRotationPolicy(30), in31Days).enforce();
        // moto stamps the rotation with the real time: seen from now, the new material is fresh
        KeyRotationOutcome afterRotation = new KeyRotation(keys.keyManagement(), new KeyRotationPolicy(30), Clock.systemUTC()).enforce();

        assertFalse(today.rotatedOnDemand());
        assertTrue(later.rotatedOnDemand());
        assertFalse(afterRotation.rotatedOnDemand(), "the new material is younger than the period");
        assertEquals(1, kms.listKeyRotations(b -> b.keyId(keyId)).rotations().size());
    }

    @Test
    void ciphertextsFromBeforeAnOnDemandRotationStillDecrypt() {
        KmsClient kms = component("unused", 30).kms();
        String alias = keyBehindAlias(kms);
        KeysComponent keys = component(alias, 30);
        byte[] plain = "refresh-token-before-rotation".getBytes(StandardCharsets.UTF_8);
        Map<String, String> context = Map.of("tenant", "t1", "account", "acct_1");
        SdkBytes sealed = kms.encrypt(b -> b.keyId(alias).plaintext(SdkBytes.fromByteArray(plain)).encryptionContext(context))
                .ciphertextBlob();

        keys.keyManagement().rotateNow(keys.keyManagement().state().keyId());

        byte[] opened = kms.decrypt(b -> b.ciphertextBlob(sealed).encryptionContext(context)).plaintext().asByteArray();
        assertArrayEquals(plain, opened);
    }
}
