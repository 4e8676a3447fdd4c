package dev.agentauth.domain.account;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Lifecycle of a connected account. {@code pending} until the callback completes; readers see
 * {@code active} throughout a refresh (the refresh lease is separate from the status).
 */
public enum AccountStatus {
    PENDING, ACTIVE, REFRESHING, REAUTH_REQUIRED, REVOKED, ERROR;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccountStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
