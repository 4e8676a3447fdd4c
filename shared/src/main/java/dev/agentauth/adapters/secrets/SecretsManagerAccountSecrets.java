package dev.agentauth.adapters.secrets;

import dev.agentauth.application.accounts.AccountSecrets;
import dev.agentauth.domain.account.Account;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * One secret per account ({@code <prefix><tenant>/<connection>/accounts/<account>}) under the
 * stack key, tagged with tenant, connection and account. Versions never change, so read
 * versions are kept in the instance (bounded) and a warm token read costs no Secrets Manager call.
 */
final class SecretsManagerAccountSecrets implements AccountSecrets {

    private static final int MAX_CACHED = 1000;

    private final SecretsManagerClient secrets;
    private final String prefix;
    private final String kmsKeyId;
    private final Map<String, String> versions = new ConcurrentHashMap<>();

    SecretsManagerAccountSecrets(SecretsManagerClient secrets, String prefix, String kmsKeyId) {
        this.secrets = secrets;
        this.prefix = prefix;
        this.kmsKeyId = kmsKeyId;
    }

    String secretName(Account account) {
        return prefix + account.tenantId() + "/" + account.connectionId() + "/accounts/" + account.id();
    }

    @Override
    public String put(Account account, String document, String requestToken) {
        String name = secretName(account);
        String version;
        try {
            version = secrets.createSecret(r -> r.name(name).clientRequestToken(ClientRequestTokens.of(requestToken)).kmsKeyId(kmsKeyId)
                    .secretString(document).description("Agent Auth account tokens")
                    .tags(Tag.builder().key(SecretsManagerCredentialStore.TENANT_TAG).value(account.tenantId()).build(),
                            Tag.builder().key(SecretsManagerCredentialStore.CONNECTION_TAG).value(account.connectionId()).build(),
                            Tag.builder().key("agentauth:account").value(account.id()).build())).versionId();
        } catch (ResourceExistsException exists) {
            version = secrets.putSecretValue(r -> r.secretId(name).clientRequestToken(ClientRequestTokens.of(requestToken)).secretString(document)).versionId();
        }
        remember(name, version, document);
        return version;
    }

    @Override
    public Optional<String> read(Account account, String versionId) {
        String name = secretName(account);
        String cached = versions.get(name + "#" + versionId);
        if (cached != null) return Optional.of(cached);
        try {
            String document = secrets.getSecretValue(r -> r.secretId(name).versionId(versionId)).secretString();
            remember(name, versionId, document);
            return Optional.of(document);
        } catch (ResourceNotFoundException gone) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(Account account) {
        String name = secretName(account);
        versions.keySet().removeIf(k -> k.startsWith(name + "#"));
        try {
            secrets.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));
        } catch (ResourceNotFoundException absent) {
            // never written, or already deleted
        }
    }

    private void remember(String name, String version, String document) {
        if (versions.size() >= MAX_CACHED) versions.clear();
        versions.put(name + "#" + version, document);
    }
}
