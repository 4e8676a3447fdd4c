package dev.agentauth.adapters.keys;

import dev.agentauth.application.keys.KeyManagement;
import dev.agentauth.application.keys.KeyRotationState;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;

/** The stack key's rotation controls in KMS. The configured id may be an alias: it is resolved first. */
final class KmsKeyManagement implements KeyManagement {

    private final KmsClient kms;
    private final String configuredKeyId;

    KmsKeyManagement(KmsClient kms, String configuredKeyId) {
        this.kms = kms;
        this.configuredKeyId = configuredKeyId;
    }

    @Override
    public KeyRotationState state() {
        KeyMetadata key = kms.describeKey(b -> b.keyId(configuredKeyId)).keyMetadata();
        GetKeyRotationStatusResponse status = kms.getKeyRotationStatus(b -> b.keyId(key.keyId()));
        Instant materialSince = kms.listKeyRotationsPaginator(b -> b.keyId(key.keyId())).rotations().stream()
                .map(RotationsListEntry::rotationDate)
                .max(Comparator.naturalOrder())
                .orElse(key.creationDate());
        return new KeyRotationState(key.keyId(), key.arn(), Boolean.TRUE.equals(status.keyRotationEnabled()),
                Optional.ofNullable(status.rotationPeriodInDays()), materialSince);
    }

    @Override
    public void enableAutomaticRotation(String keyId, int periodDays) {
        kms.enableKeyRotation(b -> b.keyId(keyId).rotationPeriodInDays(periodDays));
    }

    @Override
    public void rotateNow(String keyId) {
        kms.rotateKeyOnDemand(b -> b.keyId(keyId));
    }
}
