package dev.agentauth.application.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened, published on the event bus (source {@code agentauth}).
 * {@code detailType} is one of API.md's ("Connection Created", "Credential Rotated", ...);
 * {@code detail} holds ids, outcome and reason, never a secret. The tenant is added to the detail
 * as {@code tenant_id} by the publisher.
 */
public record DomainEvent(String detailType, String tenantId, Map<String, Object> detail) {

    public static final String CONNECTION_CREATED = "Connection Created";
    public static final String CONNECTION_UPDATED = "Connection Updated";
    public static final String CONNECTION_DELETED = "Connection Deleted";
    public static final String CONNECTION_TESTED = "Connection Tested";
    public static final String ACCOUNT_CONNECTED = "Account Connected";
    public static final String ACCOUNT_REFRESH_FAILED = "Account Refresh Failed";
    public static final String ACCOUNT_REFRESH_RECOVERED = "Account Refresh Recovered";
    public static final String ACCOUNT_REAUTH_REQUIRED = "Account Reauth Required";
    public static final String ACCOUNT_REVOKED = "Account Revoked";
    public static final String CREDENTIAL_ROTATION_DUE = "Credential Rotation Due";
    public static final String CREDENTIAL_ROTATED = "Credential Rotated";
    public static final String CREDENTIAL_ROTATION_FAILED = "Credential Rotation Failed";

    public DomainEvent {
        Objects.requireNonNull(detailType, "detailType");
        Objects.requireNonNull(tenantId, "tenantId");
        // insertion order kept for readable events; nulls allowed (e.g. "reason": null)
        detail = detail == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }
}
