package dev.agentauth.application.accounts;

import dev.agentauth.application.credentials.CredentialRef;
import dev.agentauth.application.credentials.CredentialStage;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.domain.connection.SecretValue;
import javax.inject.Inject;

/** The current client secret from the credential store (Secrets Manager). */
public final class StoredClientSecrets implements ClientSecrets {

    private final CredentialStore credentials;

    @Inject
    public StoredClientSecrets(CredentialStore credentials) {
        this.credentials = credentials;
    }

    @Override
    public String clientSecret(OAuthClient client) {
        return credentials.read(new CredentialRef(client.tenantId(), client.connectionId()), CredentialStage.CURRENT)
                .map(SecretValue::reveal)
                .orElseThrow(() -> new IllegalStateException("the connection " + client.connectionId() + " has no client secret"));
    }
}
