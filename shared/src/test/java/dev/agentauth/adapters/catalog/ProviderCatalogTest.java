package dev.agentauth.adapters.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentauth.domain.provider.ProviderTemplate;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The provider catalogue is data: these checks keep every template file usable and honest. */
class ProviderCatalogTest {

    private static final Set<String> REQUIRED_KEYS = Set.of("google_workspace", "slack", "jira", "github",
            "microsoft", "notion", "hubspot", "salesforce", "linear", "openai", "custom");
    private static final Set<String> ACCESS_LEVELS = Set.of("read", "write", "admin");
    private static final Set<String> AUTH_METHODS = Set.of("client_secret_post", "client_secret_basic");

    private final ClasspathProviderCatalog catalog = new ClasspathProviderCatalog();

    @Test
    void everyTemplateInTheIndexLoadsAndTheCatalogueHoldsTheKeysTheApiPromises() {
        Set<String> keys = catalog.all().stream().map(ProviderTemplate::key).collect(Collectors.toSet());
        assertTrue(keys.containsAll(REQUIRED_KEYS), () -> "missing providers: " + missing(keys));
    }

    @Test
    void everyTemplateFileIsListedInTheIndexUnderItsOwnFileName() throws IOException, URISyntaxException {
        Path directory = Path.of(URI.create(ClasspathProviderCatalog.class.getClassLoader()
                .getResource("providers/index.json").toURI().toString())).getParent();
        Set<String> fileKeys;
        try (Stream<Path> files = Files.list(directory)) {
            fileKeys = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".json") && !name.equals("index.json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> indexed = catalog.all().stream().map(ProviderTemplate::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fileKeys, indexed);
        for (String key : fileKeys) {
            assertEquals(key, catalog.find(key).orElseThrow().key());
        }
    }

    @Test
    void defaultScopesAreDeclaredScopesAndEveryScopeHasADescriptionAndAnAccessLevel() {
        for (ProviderTemplate template : catalog.all()) {
            Set<String> names = new HashSet<>();
            for (ProviderTemplate.Scope scope : template.scopes()) {
                assertTrue(names.add(scope.name()), template.key() + " declares " + scope.name() + " twice");
                assertFalse(scope.description() == null || scope.description().isBlank(), template.key() + " " + scope.name());
                assertTrue(ACCESS_LEVELS.contains(scope.access()), template.key() + " " + scope.name() + " access " + scope.access());
            }
            for (String scope : template.defaultScopes()) {
                assertTrue(names.contains(scope), template.key() + " default scope " + scope + " is not in its scope list");
            }
            for (List<String> combination : template.forbiddenScopeCombinations()) {
                assertTrue(combination.size() >= 2, template.key() + " forbidden combination of one scope");
                assertTrue(names.containsAll(combination), template.key() + " forbids unknown scopes " + combination);
                assertFalse(template.defaultScopes().containsAll(combination), template.key() + " defaults are forbidden together");
            }
        }
    }

    @Test
    void everyOAuthProviderExceptCustomHasHttpsEndpointsScopesAndAKnownClientAuthentication() {
        for (ProviderTemplate template : catalog.all()) {
            if (template.isCustom() || !template.supports("oauth2")) continue;
            assertHttps(template.key(), template.authorizationUrl());
            assertHttps(template.key(), template.tokenUrl());
            assertHttps(template.key(), template.apiBaseUrl());
            if (template.revocationUrl() != null) assertHttps(template.key(), template.revocationUrl());
            if (template.issuer() != null) assertHttps(template.key(), template.issuer());
            assertFalse(template.scopes().isEmpty(), template.key() + " has no scopes");
            assertFalse(template.defaultScopes().isEmpty(), template.key() + " has no default scopes");
            assertTrue(AUTH_METHODS.contains(template.tokenEndpointAuthMethod()), template.key() + " " + template.tokenEndpointAuthMethod());
            assertFalse(template.scopeSeparator().isEmpty(), template.key() + " scope separator");
        }
    }

    @Test
    void apiKeyProvidersNameWhereTheKeyGoes() {
        for (ProviderTemplate template : catalog.all()) {
            if (template.isCustom() || !template.supports("api_key")) continue;
            ProviderTemplate.ApiKeyDefaults apiKey = template.apiKey();
            assertNotNull(apiKey, template.key() + " api_key defaults");
            assertHttps(template.key(), apiKey.baseUrl());
            assertTrue(Set.of("header", "query").contains(apiKey.placement()), template.key() + " placement");
            assertFalse(apiKey.name() == null || apiKey.name().isBlank(), template.key() + " key name");
        }
    }

    @Test
    void verificationRequestsAreRelativePathsWithAMethodAndAnExpectedStatus() {
        for (ProviderTemplate template : catalog.all()) {
            ProviderTemplate.Verification verification = template.verification();
            if (verification == null) continue;
            assertTrue(Set.of("GET", "POST", "HEAD").contains(verification.method()), template.key());
            assertTrue(verification.path().startsWith("/"), template.key() + " " + verification.path());
            assertNotNull(verification.expectedStatus(), template.key());
        }
    }

    @Test
    void productPageTemplatesCarryTheirSettingsDefaults() {
        Map<String, Object> google = catalog.find("google_workspace").orElseThrow().settings();
        assertEquals(true, google.get("auto_refresh"));
        assertEquals(100, google.get("rate_limit"));
        assertEquals(30, google.get("timeout"));
        Map<String, Object> slack = catalog.find("slack").orElseThrow().settings();
        assertEquals(true, slack.get("auto_refresh"));
        assertEquals(50, slack.get("rate_limit"));
        assertEquals(15, slack.get("timeout"));
    }

    @Test
    void productPageScopesAreInTheirProvidersCatalogue() {
        assertScopes("google_workspace", "https://www.googleapis.com/auth/gmail.readonly",
                "https://www.googleapis.com/auth/gmail.send", "https://www.googleapis.com/auth/gmail.modify",
                "https://www.googleapis.com/auth/calendar.readonly");
        assertScopes("slack", "channels:read", "chat:write", "files:read", "users:read");
        assertScopes("jira", "read:jira-work", "write:jira-work", "manage:jira-project");
    }

    @Test
    void providersThatNeedExtraAuthorizationParametersDeclareThem() {
        assertEquals("offline", catalog.find("google_workspace").orElseThrow().extraAuthorizationParams().get("access_type"));
        assertEquals("consent", catalog.find("google_workspace").orElseThrow().extraAuthorizationParams().get("prompt"));
        assertEquals("api.atlassian.com", catalog.find("jira").orElseThrow().extraAuthorizationParams().get("audience"));
        assertEquals("consent", catalog.find("jira").orElseThrow().extraAuthorizationParams().get("prompt"));
    }

    private void assertScopes(String key, String... scopes) {
        ProviderTemplate template = catalog.find(key).orElseThrow();
        for (String scope : scopes) {
            assertTrue(template.scope(scope).isPresent(), key + " lacks " + scope);
        }
    }

    private static void assertHttps(String key, String url) {
        assertNotNull(url, key + " url");
        URI uri = URI.create(url);
        assertEquals("https", uri.getScheme(), key + " " + url);
        assertNotNull(uri.getHost(), key + " " + url);
    }

    private static Set<String> missing(Set<String> keys) {
        Set<String> missing = new TreeSet<>(REQUIRED_KEYS);
        missing.removeAll(keys);
        return missing;
    }
}
