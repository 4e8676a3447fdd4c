package dev.agentauth.application.connections;

import dev.agentauth.domain.connection.ApiKeyConfig;
import dev.agentauth.domain.connection.AuthType;
import dev.agentauth.domain.connection.ConnectionSettings;
import dev.agentauth.domain.connection.OAuthConfig;
import dev.agentauth.domain.connection.Rotation;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.domain.connection.Verification;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated connection configuration with the provider template's defaults filled in. The
 * credential summaries of {@code oauth}/{@code apiKey} are not set yet; {@code secret} is the new
 * plain-text credential, if the request gave one.
 */
record ConnectionSpec(
        String name,
        String description,
        String environment,
        String provider,
        AuthType authType,
        List<String> scopes,
        OAuthConfig oauth,
        ApiKeyConfig apiKey,
        ConnectionSettings settings,
        Rotation rotation,
        Map<String, String> tags,
        Verification verification,
        List<String> allowedReturnUrls,
        Optional<SecretValue> secret) {}
