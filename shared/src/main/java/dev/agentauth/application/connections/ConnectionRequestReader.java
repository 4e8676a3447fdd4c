package dev.agentauth.application.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.application.provider.ProviderCatalog;
import dev.agentauth.domain.connection.ApiKeyConfig;
import dev.agentauth.domain.connection.AuthType;
import dev.agentauth.domain.connection.ConnectionSettings;
import dev.agentauth.domain.connection.KeyPlacement;
import dev.agentauth.domain.connection.OAuthConfig;
import dev.agentauth.domain.connection.RetryPolicy;
import dev.agentauth.domain.connection.Rotation;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.domain.connection.TokenEndpointAuthMethod;
import dev.agentauth.domain.connection.TokenStorage;
import dev.agentauth.domain.connection.Verification;
import dev.agentauth.domain.provider.ProviderTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * Turns a connection document (a create request, or the current configuration with a merge
 * patch applied) into a {@link ConnectionSpec}: every field checked, every problem reported at
 * once, and whatever the document leaves out filled from the provider template.
 */
public final class ConnectionRequestReader {

    static final Set<String> TOP_LEVEL = Set.of("name", "description", "environment", "provider", "auth_type", "scopes",
            "oauth", "api_key", "settings", "rotation", "tags", "verification", "allowed_return_urls");
    static final Set<String> OAUTH = Set.of("client_id", "client_secret", "redirect_uri", "authorization_url", "token_url",
            "pkce", "token_endpoint_auth_method", "extra_authorization_params");
    static final Set<String> API_KEY = Set.of("key", "base_url", "placement", "name", "prefix");
    static final Set<String> SETTINGS = Set.of("auto_refresh", "token_expiry", "refresh_buffer", "token_storage",
            "rate_limit", "timeout", "retry", "user_agent", "base_headers");
    static final Set<String> RETRY = Set.of("max_attempts", "initial_delay_ms", "max_delay_ms", "retry_on");
    static final Set<String> ROTATION = Set.of("max_age_days");
    static final Set<String> VERIFICATION = Set.of("method", "path", "expected_status");

    /** Parameters the authorization request sets itself; a connection cannot override them. */
    private static final Set<String> RESERVED_AUTHORIZATION_PARAMS = Set.of("response_type", "client_id", "redirect_uri",
            "scope", "state", "code_challenge", "code_challenge_method", "nonce");
    /** Headers the outbound client owns; credentials never travel as base headers. */
    private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "host",
            "content-length", "transfer-encoding", "connection", "upgrade", "te", "trailer", "expect");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}");
    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9_.:/=+@-]{1,128}");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");
    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z0-9_.~-]{1,128}");
    private static final Pattern SCOPE = Pattern.compile("\\S+");
    private static final Pattern PATH = Pattern.compile("/\\S{0,2047}");

    static final String DEFAULT_ENVIRONMENT = "prod";
    static final int MAX_SECRET_LENGTH = 8192;

    private final ProviderCatalog catalog;
    private final UrlRule urls;

    @Inject
    public ConnectionRequestReader(ProviderCatalog catalog, @Named("allowPrivateTargets") boolean allowPrivateTargets) {
        this.catalog = catalog;
        this.urls = new UrlRule(allowPrivateTargets);
    }

    /** A create request: the credential is required. */
    ConnectionSpec readCreate(ObjectNode body) {
        FieldReader in = new FieldReader();
        ConnectionSpec spec = read(body, in, true);
        in.throwIfInvalid();
        return spec;
    }

    /**
     * A merged document (current configuration + patch): the credential is optional (absent keeps
     * the stored one); {@code in} may already hold problems found in the patch itself.
     */
    ConnectionSpec readMerged(ObjectNode document, FieldReader in) {
        ConnectionSpec spec = read(document, in, false);
        in.throwIfInvalid();
        return spec;
    }

    private ConnectionSpec read(ObjectNode body, FieldReader in, boolean secretRequired) {
        in.onlyKnown(body, "", TOP_LEVEL);
        String name = in.matching(body, "name", "", 100, true, NAME,
                "must start with a letter or digit and hold only letters, digits, spaces, '.', '_' and '-' (at most 100)");
        String description = Optional.ofNullable(in.string(body, "description", "", 1000, false)).orElse("");
        String environment = Optional.ofNullable(in.matching(body, "environment", "", 32, false, ENVIRONMENT,
                "must be lower-case letters, digits, '_' and '-' (at most 32)")).orElse(DEFAULT_ENVIRONMENT);

        String providerKey = in.string(body, "provider", "", 64, true);
        ProviderTemplate template = null;
        if (providerKey != null) {
            template = catalog.find(providerKey).orElse(null);
            if (template == null) in.error("provider", "unknown provider " + quote(providerKey) + "; see GET /v1/providers");
        }
        AuthType authType = authType(body, in, template);

        List<String> scopes = scopes(body, in, template);
        ObjectNode oauthNode = in.object(body, "oauth", "");
        ObjectNode apiKeyNode = in.object(body, "api_key", "");
        OAuthConfig oauth = null;
        ApiKeyConfig apiKey = null;
        SecretValue secret = null;
        if (authType == AuthType.OAUTH2) {
            if (apiKeyNode != null) in.error("api_key", "is only for api_key connections");
            if (oauthNode == null) {
                if (!FieldReader.given(body, "oauth")) in.error("oauth", "is required for oauth2 connections");
            } else {
                in.onlyKnown(oauthNode, "oauth", OAUTH);
                secret = secret(oauthNode, "client_secret", "oauth", in, secretRequired);
                oauth = oauth(oauthNode, in, template);
            }
        } else if (authType == AuthType.API_KEY) {
            if (oauthNode != null) in.error("oauth", "is only for oauth2 connections");
            if (apiKeyNode == null) {
                if (!FieldReader.given(body, "api_key")) in.error("api_key", "is required for api_key connections");
            } else {
                in.onlyKnown(apiKeyNode, "api_key", API_KEY);
                secret = secret(apiKeyNode, "key", "api_key", in, secretRequired);
                apiKey = apiKey(apiKeyNode, in, template);
            }
        }
        ConnectionSettings settings = settings(body, in, template, authType);
        Rotation rotation = rotation(body, in);
        Map<String, String> tags = Optional.ofNullable(in.stringMap(body, "tags", "", 50, TAG_KEY,
                "tag keys are 1-128 letters, digits or _.:/=+@-", 256)).orElse(Map.of());
        Verification verification = verification(body, in, template);
        List<String> returnUrls = returnUrls(body, in);
        return new ConnectionSpec(name, description, environment, providerKey, authType, scopes, oauth, apiKey, settings,
                rotation, tags, verification, returnUrls, Optional.ofNullable(secret));
    }

    private static AuthType authType(ObjectNode body, FieldReader in, ProviderTemplate template) {
        String wire = in.string(body, "auth_type", "", 32, false);
        if (wire == null) {
            if (FieldReader.given(body, "auth_type") || template == null) return null; // already reported, or no provider to judge by
            if (template.authTypes().size() == 1) return AuthType.fromWire(template.authTypes().getFirst()).orElse(null);
            in.error("auth_type", "is required: provider " + template.key() + " supports " + String.join(", ", template.authTypes()));
            return null;
        }
        Optional<AuthType> type = AuthType.fromWire(wire);
        if (type.isEmpty()) {
            in.error("auth_type", "must be oauth2 or api_key");
            return null;
        }
        if (template != null && !template.supports(wire)) {
            in.error("auth_type", "provider " + template.key() + " supports only " + String.join(", ", template.authTypes()));
            return null;
        }
        return type.get();
    }

    private static List<String> scopes(ObjectNode body, FieldReader in, ProviderTemplate template) {
        if (!FieldReader.given(body, "scopes")) return template == null ? List.of() : template.defaultScopes();
        List<String> given = in.strings(body, "scopes", "", 100, 512);
        if (given == null) return List.of();
        boolean valid = true;
        for (int i = 0; i < given.size(); i++) {
            String scope = given.get(i);
            if (scope == null) {
                valid = false;
            } else if (!SCOPE.matcher(scope).matches()) {
                in.error("scopes[" + i + "]", "must not contain whitespace");
                valid = false;
            } else if (template != null && !template.isCustom() && !template.scopes().isEmpty() && template.scope(scope).isEmpty()) {
                in.error("scopes[" + i + "]", "is not a scope of provider " + template.key());
                valid = false;
            }
        }
        List<String> scopes = given.stream().filter(java.util.Objects::nonNull).toList();
        if (valid && template != null) {
            for (List<String> forbidden : template.forbiddenScopeCombinations()) {
                if (!forbidden.isEmpty() && scopes.containsAll(forbidden)) {
                    in.error("scopes", "may not combine " + String.join(" and ", forbidden));
                }
            }
        }
        return scopes;
    }

    private static SecretValue secret(ObjectNode node, String name, String parent, FieldReader in, boolean required) {
        String field = FieldReader.path(parent, name);
        JsonNode value = node.get(name);
        if (value == null) {
            if (required) in.error(field, "is required");
            return null;
        }
        if (value.isNull()) {
            in.error(field, required ? "is required" : "cannot be removed; send a new value to replace it");
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            in.error(field, "must be a non-empty string");
            return null;
        }
        if (value.asText().length() > MAX_SECRET_LENGTH) {
            in.error(field, "must be at most " + MAX_SECRET_LENGTH + " characters");
            return null;
        }
        return new SecretValue(value.asText());
    }

    private OAuthConfig oauth(ObjectNode node, FieldReader in, ProviderTemplate template) {
        String clientId = in.string(node, "client_id", "oauth", 512, true);
        String redirectUri = url(node, "redirect_uri", "oauth", in, null);
        String authorizationUrl = url(node, "authorization_url", "oauth", in, template == null ? null : template.authorizationUrl());
        String tokenUrl = url(node, "token_url", "oauth", in, template == null ? null : template.tokenUrl());
        if (authorizationUrl == null && !FieldReader.given(node, "authorization_url") && template != null) {
            in.error("oauth.authorization_url", "is required for provider " + template.key());
        }
        if (tokenUrl == null && !FieldReader.given(node, "token_url") && template != null) {
            in.error("oauth.token_url", "is required for provider " + template.key());
        }
        Boolean pkce = in.bool(node, "pkce", "oauth");
        TokenEndpointAuthMethod method = null;
        String methodWire = in.string(node, "token_endpoint_auth_method", "oauth", 64, false);
        if (methodWire != null) {
            method = TokenEndpointAuthMethod.fromWire(methodWire).orElse(null);
            if (method == null) in.error("oauth.token_endpoint_auth_method", "must be client_secret_post or client_secret_basic");
        } else if (template != null && template.tokenEndpointAuthMethod() != null) {
            method = TokenEndpointAuthMethod.fromWire(template.tokenEndpointAuthMethod()).orElse(null);
        }
        Map<String, String> extra = new LinkedHashMap<>(template == null ? Map.of() : template.extraAuthorizationParams());
        Map<String, String> given = in.stringMap(node, "extra_authorization_params", "oauth", 20, PARAM_NAME,
                "parameter names are 1-128 letters, digits or _.~-", 512);
        if (given != null) {
            given.keySet().stream().filter(RESERVED_AUTHORIZATION_PARAMS::contains).forEach(k ->
                    in.error("oauth.extra_authorization_params." + k, "is set by the authorization flow and cannot be overridden"));
            extra.putAll(given);
        }
        return new OAuthConfig(clientId, null, redirectUri, authorizationUrl, tokenUrl,
                pkce != null ? pkce : template == null || template.pkce(),
                method == null ? TokenEndpointAuthMethod.CLIENT_SECRET_POST : method, extra);
    }

    private ApiKeyConfig apiKey(ObjectNode node, FieldReader in, ProviderTemplate template) {
        ProviderTemplate.ApiKeyDefaults defaults = template == null ? null : template.apiKey();
        String templateBase = defaults != null && defaults.baseUrl() != null ? defaults.baseUrl()
                : template == null ? null : template.apiBaseUrl();
        String baseUrl = url(node, "base_url", "api_key", in, templateBase);
        if (baseUrl == null && !FieldReader.given(node, "base_url") && template != null) {
            in.error("api_key.base_url", "is required for provider " + template.key());
        }
        KeyPlacement placement = null;
        String placementWire = in.string(node, "placement", "api_key", 16, false);
        if (placementWire != null) {
            placement = KeyPlacement.fromWire(placementWire).orElse(null);
            if (placement == null) in.error("api_key.placement", "must be header or query");
        } else if (defaults != null && defaults.placement() != null) {
            placement = KeyPlacement.fromWire(defaults.placement()).orElse(KeyPlacement.HEADER);
        }
        if (placement == null) placement = KeyPlacement.HEADER;
        String name = in.matching(node, "name", "api_key", 128, false, HEADER_NAME,
                "must be a header or parameter name (letters, digits and !#$%&'*+.^_`|~-)");
        if (name == null && !FieldReader.given(node, "name")) {
            name = defaults != null && defaults.name() != null ? defaults.name()
                    : placement == KeyPlacement.HEADER ? "Authorization" : "api_key";
        }
        String prefix = in.string(node, "prefix", "api_key", 64, false);
        if (prefix == null && !FieldReader.given(node, "prefix")) {
            prefix = defaults != null && defaults.prefix() != null ? defaults.prefix()
                    : "Authorization".equalsIgnoreCase(name) ? "Bearer " : "";
        }
        return new ApiKeyConfig(null, baseUrl, placement, name, prefix);
    }

    private ConnectionSettings settings(ObjectNode body, FieldReader in, ProviderTemplate template, AuthType authType) {
        Map<String, Object> defaults = template == null ? Map.of() : template.settings();
        ObjectNode node = in.object(body, "settings", "");
        if (node == null) node = dev.agentauth.json.Json.object();
        in.onlyKnown(node, "settings", SETTINGS);
        boolean autoRefresh = Optional.ofNullable(in.bool(node, "auto_refresh", "settings"))
                .orElse(defaultBool(defaults, "auto_refresh", authType != AuthType.API_KEY));
        long tokenExpiry = Optional.ofNullable(in.integer(node, "token_expiry", "settings", 60, 31_536_000))
                .orElse(defaultLong(defaults, "token_expiry", 3600));
        long refreshBuffer = Optional.ofNullable(in.integer(node, "refresh_buffer", "settings", 0, 86_400))
                .orElse(defaultLong(defaults, "refresh_buffer", 300));
        if (refreshBuffer >= tokenExpiry) in.error("settings.refresh_buffer", "must be less than settings.token_expiry");
        TokenStorage storage = TokenStorage.VAULT;
        String storageWire = in.string(node, "token_storage", "settings", 32, false);
        if (storageWire != null) {
            storage = TokenStorage.fromWire(storageWire).orElse(null);
            if (storage == null) in.error("settings.token_storage", "must be vault or secrets_manager");
        } else if (defaults.get("token_storage") instanceof String s) {
            storage = TokenStorage.fromWire(s).orElse(TokenStorage.VAULT);
        }
        long rateLimit = Optional.ofNullable(in.integer(node, "rate_limit", "settings", 1, 100_000))
                .orElse(defaultLong(defaults, "rate_limit", 100));
        long timeout = Optional.ofNullable(in.integer(node, "timeout", "settings", 1, 120))
                .orElse(defaultLong(defaults, "timeout", 30));
        RetryPolicy retry = retry(node, in);
        String userAgent = Optional.ofNullable(in.string(node, "user_agent", "settings", 256, false))
                .orElse(ConnectionSettings.DEFAULT_USER_AGENT);
        Map<String, String> headers = Optional.ofNullable(in.stringMap(node, "base_headers", "settings", 50, HEADER_NAME,
                "header names are letters, digits and !#$%&'*+.^_`|~-", 1024)).orElse(Map.of());
        headers.keySet().stream().filter(h -> RESERVED_HEADERS.contains(h.toLowerCase(Locale.ROOT))).forEach(h ->
                in.error("settings.base_headers." + h, "cannot be set as a base header"));
        return new ConnectionSettings(autoRefresh, (int) tokenExpiry, (int) refreshBuffer, storage == null ? TokenStorage.VAULT : storage,
                (int) rateLimit, (int) timeout, retry, userAgent, headers);
    }

    private static RetryPolicy retry(ObjectNode settings, FieldReader in) {
        ObjectNode node = in.object(settings, "retry", "settings");
        if (node == null) return RetryPolicy.DEFAULT;
        in.onlyKnown(node, "settings.retry", RETRY);
        RetryPolicy d = RetryPolicy.DEFAULT;
        long attempts = Optional.ofNullable(in.integer(node, "max_attempts", "settings.retry", 1, 10)).orElse((long) d.maxAttempts());
        long initial = Optional.ofNullable(in.integer(node, "initial_delay_ms", "settings.retry", 0, 60_000)).orElse(d.initialDelayMs());
        long max = Optional.ofNullable(in.integer(node, "max_delay_ms", "settings.retry", 0, 300_000)).orElse(d.maxDelayMs());
        if (max < initial) in.error("settings.retry.max_delay_ms", "must not be less than settings.retry.initial_delay_ms");
        List<Integer> retryOn = d.retryOn();
        if (FieldReader.given(node, "retry_on")) {
            JsonNode list = node.get("retry_on");
            if (!list.isArray() || list.size() > 20) {
                in.error("settings.retry.retry_on", "must be an array of at most 20 HTTP status codes");
            } else {
                List<Integer> codes = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    JsonNode code = list.get(i);
                    if (!code.isIntegralNumber() || code.asInt() < 400 || code.asInt() > 599) {
                        in.error("settings.retry.retry_on[" + i + "]", "must be an HTTP status code between 400 and 599");
                    } else if (codes.contains(code.asInt())) {
                        in.error("settings.retry.retry_on[" + i + "]", "is listed twice");
                    } else {
                        codes.add(code.asInt());
                    }
                }
                retryOn = codes;
            }
        }
        return new RetryPolicy((int) attempts, initial, max, retryOn);
    }

    private static Rotation rotation(ObjectNode body, FieldReader in) {
        ObjectNode node = in.object(body, "rotation", "");
        if (node == null) return Rotation.DEFAULT;
        in.onlyKnown(node, "rotation", ROTATION);
        return new Rotation(Optional.ofNullable(in.integer(node, "max_age_days", "rotation", 1, 3650))
                .orElse((long) Rotation.DEFAULT.maxAgeDays()).intValue());
    }

    private static Verification verification(ObjectNode body, FieldReader in, ProviderTemplate template) {
        ObjectNode node = in.object(body, "verification", "");
        if (node == null) {
            if (template == null || template.verification() == null) return null;
            ProviderTemplate.Verification v = template.verification();
            return new Verification(v.method(), v.path(), v.expectedStatus() == null ? 200 : v.expectedStatus());
        }
        in.onlyKnown(node, "verification", VERIFICATION);
        String method = Optional.ofNullable(in.string(node, "method", "verification", 8, false)).orElse("GET");
        if (!Set.of("GET", "POST", "HEAD").contains(method)) in.error("verification.method", "must be GET, POST or HEAD");
        String path = in.matching(node, "path", "verification", 2048, true, PATH, "must start with / and contain no whitespace");
        long status = Optional.ofNullable(in.integer(node, "expected_status", "verification", 100, 599)).orElse(200L);
        return new Verification(method, path, (int) status);
    }

    private List<String> returnUrls(ObjectNode body, FieldReader in) {
        List<String> list = in.strings(body, "allowed_return_urls", "", 20, UrlRule.MAX_LENGTH);
        if (list == null) return List.of();
        for (int i = 0; i < list.size(); i++) {
            int index = i;
            if (list.get(i) != null) urls.problem(list.get(i)).ifPresent(p -> in.error("allowed_return_urls[" + index + "]", p));
        }
        return list.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** A URL field: given (checked), or the template's default, or null. */
    private String url(ObjectNode node, String name, String parent, FieldReader in, String fallback) {
        String value = in.string(node, name, parent, UrlRule.MAX_LENGTH, false);
        if (value == null) return FieldReader.given(node, name) ? null : fallback;
        Optional<String> problem = urls.problem(value);
        if (problem.isPresent()) {
            in.error(FieldReader.path(parent, name), problem.get());
            return null;
        }
        return value;
    }

    private static boolean defaultBool(Map<String, Object> defaults, String key, boolean fallback) {
        return defaults.get(key) instanceof Boolean b ? b : fallback;
    }

    private static long defaultLong(Map<String, Object> defaults, String key, long fallback) {
        return defaults.get(key) instanceof Number n ? n.longValue() : fallback;
    }

    private static String quote(String value) {
        return "'" + (value.length() > 64 ? value.substring(0, 64) + "..." : value) + "'";
    }
}
