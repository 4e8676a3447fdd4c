package dev.agentauth.domain.connection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's configured way to reach one provider. Credentials are never held here, only
 * summarised ({@link CredentialSummary}); the plain text lives in the credential store.
 * Exactly one of {@code oauth} and {@code apiKey} is set, matching {@code authType}.
 */
public record Connection(
        String id,
        String tenantId,
        String name,
        String description,
        String environment,
        String provider,
        AuthType authType,
        ConnectionStatus status,
        String statusReason,
        List<String> scopes,
        OAuthConfig oauth,
        ApiKeyConfig apiKey,
        ConnectionSettings settings,
        Rotation rotation,
        Map<String, String> tags,
        Verification verification,
        List<String> allowedReturnUrls,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String createdBy,
        String updatedBy,
        LastTest lastTest) {

    public static final String ID_PREFIX = "conn_";

    public Connection {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        allowedReturnUrls = allowedReturnUrls == null ? List.of() : List.copyOf(allowedReturnUrls);
        description = description == null ? "" : description;
    }

    /** The summary of the connection's one credential (client secret or API key). */
    public Optional<CredentialSummary> credential() {
        return switch (authType) {
            case OAUTH2 -> Optional.ofNullable(oauth).map(OAuthConfig::clientSecret);
            case API_KEY -> Optional.ofNullable(apiKey).map(ApiKeyConfig::key);
        };
    }

    /** Only active connections may start authorizations or hand out tokens. */
    public boolean isUsable() {
        return status == ConnectionStatus.ACTIVE;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-with for the many fields of a connection; used by use cases that derive a new version. */
    public static final class Builder {
        private String id;
        private String tenantId;
        private String name;
        private String description;
        private String environment;
        private String provider;
        private AuthType authType;
        private ConnectionStatus status;
        private String statusReason;
        private List<String> scopes;
        private OAuthConfig oauth;
        private ApiKeyConfig apiKey;
        private ConnectionSettings settings;
        private Rotation rotation;
        private Map<String, String> tags;
        private Verification verification;
        private List<String> allowedReturnUrls;
        private long version;
        private Instant createdAt;
        private Instant updatedAt;
        private String createdBy;
        private String updatedBy;
        private LastTest lastTest;

        public Builder() {}

        private Builder(Connection c) {
            id = c.id; tenantId = c.tenantId; name = c.name; description = c.description;
            environment = c.environment; provider = c.provider; authType = c.authType; status = c.status;
            statusReason = c.statusReason; scopes = c.scopes; oauth = c.oauth; apiKey = c.apiKey;
            settings = c.settings; rotation = c.rotation; tags = c.tags; verification = c.verification;
            allowedReturnUrls = c.allowedReturnUrls; version = c.version; createdAt = c.createdAt;
            updatedAt = c.updatedAt; createdBy = c.createdBy; updatedBy = c.updatedBy; lastTest = c.lastTest;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder tenantId(String v) { tenantId = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder environment(String v) { environment = v; return this; }
        public Builder provider(String v) { provider = v; return this; }
        public Builder authType(AuthType v) { authType = v; return this; }
        public Builder status(ConnectionStatus v) { status = v; return this; }
        public Builder statusReason(String v) { statusReason = v; return this; }
        public Builder scopes(List<String> v) { scopes = v; return this; }
        public Builder oauth(OAuthConfig v) { oauth = v; return this; }
        public Builder apiKey(ApiKeyConfig v) { apiKey = v; return this; }
        public Builder settings(ConnectionSettings v) { settings = v; return this; }
        public Builder rotation(Rotation v) { rotation = v; return this; }
        public Builder tags(Map<String, String> v) { tags = v; return this; }
        public Builder verification(Verification v) { verification = v; return this; }
        public Builder allowedReturnUrls(List<String> v) { allowedReturnUrls = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder createdBy(String v) { createdBy = v; return this; }
        public Builder updatedBy(String v) { updatedBy = v; return this; }
        public Builder lastTest(LastTest v) { lastTest = v; return this; }

        public Connection build() {
            return new Connection(id, tenantId, name, description, environment, provider, authType, status,
                    statusReason, scopes, oauth, apiKey, settings, rotation, tags, verification, allowedReturnUrls,
                    version, createdAt, updatedAt, createdBy, updatedBy, lastTest);
        }
    }
}
