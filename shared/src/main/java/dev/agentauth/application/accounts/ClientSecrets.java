package dev.agentauth.application.accounts;

/** Port: a connection's client secret, read for one token call; never logged or returned. */
public interface ClientSecrets {
    String clientSecret(OAuthClient client);
}
