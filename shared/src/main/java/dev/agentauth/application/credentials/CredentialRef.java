package dev.agentauth.application.credentials;

/** Which connection's credential: the store keeps one secret per connection of a tenant. */
public record CredentialRef(String tenantId, String connectionId) {}
