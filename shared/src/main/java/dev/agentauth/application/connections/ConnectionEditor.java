package dev.agentauth.application.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionStatus;
import dev.agentauth.domain.connection.SecretValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;

/**
 * Applies a JSON merge patch (RFC 7396) to a connection's configuration and works out what it
 * means: the new configuration (validated like a create), the changed field names, whether the
 * change is material (credentials, scopes or URLs: the connection must be tested again) and the
 * resulting status.
 */
public final class ConnectionEditor {

    private static final Set<String> READ_ONLY = Set.of("id", "status_reason", "version", "created_at", "updated_at",
            "created_by", "updated_by", "last_test");
    private static final Set<String> FIXED = Set.of("provider", "auth_type");
    /** Fields whose change means the credentials must be proven again. */
    private static final Set<String> MATERIAL = Set.of("scopes", "oauth.client_id", "oauth.client_secret", "oauth.redirect_uri",
            "oauth.authorization_url", "oauth.token_url", "oauth.pkce", "oauth.token_endpoint_auth_method",
            "oauth.extra_authorization_params", "api_key.key", "api_key.base_url", "api_key.placement", "api_key.name",
            "api_key.prefix");
    /** Fields that are bookkeeping, not configuration. */
    private static final Set<String> NOT_COMPARED = Set.of("version", "updated_at", "updated_by", "created_at", "created_by",
            "status", "status_reason", "last_test");
    static final String EDITED_REASON = "configuration changed; test the connection again";

    private final ConnectionRequestReader reader;

    @Inject
    public ConnectionEditor(ConnectionRequestReader reader) {
        this.reader = reader;
    }

    /** The outcome of a patch: {@code edited} has the current version and credential summary. */
    record Edit(Connection edited, List<String> changes, Optional<SecretValue> secret, boolean material) {
        boolean isEmpty() {
            return changes.isEmpty();
        }
    }

    Edit apply(Connection current, ObjectNode patch) {
        FieldReader in = new FieldReader();
        ObjectNode changes = patch.deepCopy();
        for (String field : READ_ONLY) {
            if (changes.has(field)) in.error(field, "is read-only");
            changes.remove(field);
        }
        for (String field : FIXED) {
            JsonNode value = changes.remove(field);
            String now = field.equals("provider") ? current.provider() : current.authType().wire();
            if (value != null && !(value.isTextual() && value.asText().equals(now))) {
                in.error(field, "cannot be changed; create a new connection instead");
            }
        }
        Optional<ConnectionStatus> requested = requestedStatus(changes.remove("status"), in);
        // a merge patch's null removes; a credential can only be replaced
        if (changes.path("oauth").path("client_secret").isNull()) in.error("oauth.client_secret", "cannot be removed; send a new value to replace it");
        if (changes.path("api_key").path("key").isNull()) in.error("api_key.key", "cannot be removed; send a new value to replace it");

        ObjectNode editable = ConnectionJson.render(current);
        NOT_COMPARED.forEach(editable::remove);
        editable.remove("id");
        if (editable.get("oauth") instanceof ObjectNode oauth) oauth.remove("client_secret");
        if (editable.get("api_key") instanceof ObjectNode apiKey) apiKey.remove("key");
        // derived from the credential's age (read-only), not part of the editable configuration
        if (editable.get("rotation") instanceof ObjectNode rotation) rotation.remove("due_at");
        mergePatch(editable, changes);
        ConnectionSpec spec = reader.readMerged(editable, in);

        Connection.Builder edited = current.toBuilder()
                .name(spec.name()).description(spec.description()).environment(spec.environment())
                .scopes(spec.scopes())
                .oauth(spec.oauth() == null ? null : spec.oauth().withClientSecret(current.oauth().clientSecret()))
                .apiKey(spec.apiKey() == null ? null : spec.apiKey().withKey(current.apiKey().key()))
                .settings(spec.settings()).rotation(spec.rotation()).tags(spec.tags())
                .verification(spec.verification()).allowedReturnUrls(spec.allowedReturnUrls());
        List<String> changed = differences(ConnectionJson.render(current), ConnectionJson.render(edited.build()));
        spec.secret().ifPresent(s -> changed.add(current.oauth() != null ? "oauth.client_secret" : "api_key.key"));
        boolean material = changed.stream().anyMatch(MATERIAL::contains);

        ConnectionStatus status = requested.orElse(current.status());
        if (status != current.status() && !current.status().mayBeSetByOwnerTo(status)) {
            throw new ConflictException("a " + current.status().wire() + " connection cannot be set to " + status.wire()
                    + (status == ConnectionStatus.ACTIVE ? "; test it to activate it" : ""));
        }
        String reason = status != current.status() ? null : current.statusReason();
        if (!changed.isEmpty()) {
            ConnectionStatus afterEdit = status.afterEdit(material);
            if (afterEdit != status) reason = EDITED_REASON;
            status = afterEdit;
        }
        if (status != current.status()) changed.add("status");
        return new Edit(edited.status(status).statusReason(reason).build(), changed, spec.secret(), material);
    }

    private static Optional<ConnectionStatus> requestedStatus(JsonNode value, FieldReader in) {
        if (value == null || value.isNull()) return Optional.empty();
        Optional<ConnectionStatus> status = value.isTextual() ? ConnectionStatus.fromWire(value.asText()) : Optional.empty();
        if (status.isEmpty()) in.error("status", "must be active or inactive");
        return status;
    }

    /** RFC 7396: null removes a member, objects merge recursively, anything else replaces. */
    static void mergePatch(ObjectNode target, ObjectNode patch) {
        patch.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                target.remove(entry.getKey());
            } else if (value instanceof ObjectNode patchObject && target.get(entry.getKey()) instanceof ObjectNode targetObject) {
                mergePatch(targetObject, patchObject);
            } else {
                target.set(entry.getKey(), value.deepCopy());
            }
        });
    }

    /** Names of changed fields: top-level, and one level down inside objects ({@code settings.timeout}). */
    private static List<String> differences(ObjectNode before, ObjectNode after) {
        List<String> changed = new ArrayList<>();
        Set<String> names = new java.util.LinkedHashSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (NOT_COMPARED.contains(name)) continue;
            JsonNode a = before.path(name);
            JsonNode b = after.path(name);
            if (a.equals(b)) continue;
            if (a.isObject() && b.isObject()) {
                Set<String> inner = new java.util.LinkedHashSet<>();
                a.fieldNames().forEachRemaining(inner::add);
                b.fieldNames().forEachRemaining(inner::add);
                inner.stream().filter(n -> !a.path(n).equals(b.path(n))).forEach(n -> changed.add(name + "." + n));
            } else {
                changed.add(name);
            }
        }
        return changed;
    }
}
