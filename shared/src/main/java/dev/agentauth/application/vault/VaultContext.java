package dev.agentauth.application.vault;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a sealed value belongs to: tenant, connection, account and field. The vault binds a
 * ciphertext to exactly this context, so a ciphertext copied to another row, account, tenant or
 * field fails to open.
 */
public record VaultContext(String tenantId, String connectionId, String accountId, String field) {

    public VaultContext {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(field, "field");
    }

    public static VaultContext of(String tenantId, String connectionId, String accountId, String field) {
        return new VaultContext(tenantId, connectionId, accountId, field);
    }

    /** The owner part of the context (everything but the field), the unit one data key may serve. */
    public Map<String, String> owner() {
        Map<String, String> owner = new LinkedHashMap<>();
        owner.put("tenant", tenantId);
        owner.put("connection", connectionId);
        owner.put("account", accountId);
        return owner;
    }

    /**
     * Canonical byte form used as additional authenticated data: keys in fixed order, each
     * value length-prefixed so no two different contexts share an encoding.
     */
    public byte[] canonical() {
        StringBuilder out = new StringBuilder("agentauth-vault-v1");
        Map<String, String> all = new LinkedHashMap<>(owner());
        all.put("field", field);
        all.forEach((k, v) -> out.append('|').append(k).append('=').append(v.length()).append(':').append(v));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
