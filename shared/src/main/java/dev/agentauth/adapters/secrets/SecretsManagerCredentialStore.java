package dev.agentauth.adapters.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.application.credentials.CredentialRef;
import dev.agentauth.application.credentials.CredentialStage;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * One Secrets Manager secret per connection ({@code <prefix><tenant>/<connection id>}), encrypted
 * with the stack's KMS key and tagged with tenant and connection. The secret string is
 * {@code {"value":"..."}}. Staging labels are Secrets Manager's own (AWSPENDING, AWSCURRENT,
 * AWSPREVIOUS); client request tokens make every write idempotent.
 */
final class SecretsManagerCredentialStore implements CredentialStore {

    static final String TENANT_TAG = "agentauth:tenant";
    static final String CONNECTION_TAG = "agentauth:connection";

    private final SecretsManagerClient secrets;
    private final String prefix;
    private final String kmsKeyId;
    private final int recoveryWindowDays;

    SecretsManagerCredentialStore(SecretsManagerClient secrets, String prefix, String kmsKeyId, int recoveryWindowDays) {
        this.secrets = secrets;
        this.prefix = prefix;
        this.kmsKeyId = kmsKeyId;
        this.recoveryWindowDays = recoveryWindowDays;
    }

    String secretName(CredentialRef ref) {
        return prefix + ref.tenantId() + "/" + ref.connectionId();
    }

    @Override
    public String put(CredentialRef ref, SecretValue value, String requestToken) {
        try {
            return secrets.createSecret(r -> r.name(secretName(ref)).clientRequestToken(ClientRequestTokens.of(requestToken)).kmsKeyId(kmsKeyId)
                    .secretString(document(value))
                    .description("Agent Auth connection credential")
                    .tags(Tag.builder().key(TENANT_TAG).value(ref.tenantId()).build(),
                            Tag.builder().key(CONNECTION_TAG).value(ref.connectionId()).build())).versionId();
        } catch (ResourceExistsException exists) {
            // a retry of the same create, or a later credential change: a new version (old one → AWSPREVIOUS)
            return secrets.putSecretValue(r -> r.secretId(secretName(ref)).clientRequestToken(ClientRequestTokens.of(requestToken))
                    .secretString(document(value))).versionId();
        }
    }

    @Override
    public String stage(CredentialRef ref, SecretValue value, String requestToken) {
        return secrets.putSecretValue(r -> r.secretId(secretName(ref)).clientRequestToken(ClientRequestTokens.of(requestToken))
                .secretString(document(value)).versionStages("AWSPENDING")).versionId();
    }

    @Override
    public void promote(CredentialRef ref, String versionId) {
        DescribeSecretResponse described = secrets.describeSecret(r -> r.secretId(secretName(ref)));
        Map<String, List<String>> stages = described.versionIdsToStages();
        Optional<String> current = versionWith(stages, "AWSCURRENT");
        if (current.isPresent() && !current.get().equals(versionId)) {
            secrets.updateSecretVersionStage(r -> r.secretId(secretName(ref)).versionStage("AWSCURRENT")
                    .moveToVersionId(versionId).removeFromVersionId(current.get()));
        }
        if (stages.getOrDefault(versionId, List.of()).contains("AWSPENDING")) {
            secrets.updateSecretVersionStage(r -> r.secretId(secretName(ref)).versionStage("AWSPENDING")
                    .removeFromVersionId(versionId));
        }
    }

    @Override
    public void rollback(CredentialRef ref) {
        Map<String, List<String>> stages = secrets.describeSecret(r -> r.secretId(secretName(ref))).versionIdsToStages();
        Optional<String> previous = versionWith(stages, "AWSPREVIOUS");
        Optional<String> current = versionWith(stages, "AWSCURRENT");
        if (previous.isEmpty() || current.isEmpty()) throw new IllegalStateException("no previous credential version to roll back to");
        secrets.updateSecretVersionStage(r -> r.secretId(secretName(ref)).versionStage("AWSCURRENT")
                .moveToVersionId(previous.get()).removeFromVersionId(current.get()));
    }

    @Override
    public Optional<SecretValue> read(CredentialRef ref, CredentialStage stage) {
        try {
            return Optional.of(value(secrets.getSecretValue(r -> r.secretId(secretName(ref)).versionStage(label(stage)))));
        } catch (ResourceNotFoundException absent) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<SecretValue> readVersion(CredentialRef ref, String versionId) {
        try {
            return Optional.of(value(secrets.getSecretValue(r -> r.secretId(secretName(ref)).versionId(versionId))));
        } catch (ResourceNotFoundException absent) {
            return Optional.empty();
        }
    }

    @Override
    public void scheduleDeletion(CredentialRef ref) {
        try {
            secrets.deleteSecret(r -> r.secretId(secretName(ref)).recoveryWindowInDays((long) recoveryWindowDays));
        } catch (ResourceNotFoundException absent) {
            // already gone: deleting is idempotent
        } catch (InvalidRequestException alreadyScheduled) {
            // already scheduled for deletion by an earlier attempt
        }
    }

    @Override
    public void discard(CredentialRef ref) {
        try {
            secrets.deleteSecret(r -> r.secretId(secretName(ref)).forceDeleteWithoutRecovery(true));
        } catch (ResourceNotFoundException absent) {
            // nothing to discard
        }
    }

    private static Optional<String> versionWith(Map<String, List<String>> stages, String label) {
        return stages.entrySet().stream().filter(e -> e.getValue().contains(label)).map(Map.Entry::getKey).findFirst();
    }

    private static String label(CredentialStage stage) {
        return switch (stage) {
            case PENDING -> "AWSPENDING";
            case CURRENT -> "AWSCURRENT";
            case PREVIOUS -> "AWSPREVIOUS";
        };
    }

    private static String document(SecretValue value) {
        return Json.write(Map.of("value", value.reveal()));
    }

    private static SecretValue value(GetSecretValueResponse response) {
        JsonNode node = Json.parse(response.secretString());
        return new SecretValue(node.path("value").asText());
    }
}
