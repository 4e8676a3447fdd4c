package dev.agentauth.domain.connection;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle of a connection: {@code draft} → (test) {@code testing} → {@code active} | {@code error};
 * {@code active} ↔ {@code inactive} by the owner; an edited {@code error} (or an {@code active} whose
 * credentials, scopes or URLs changed) goes back to {@code draft} until tested again.
 */
public enum ConnectionStatus {
    DRAFT("draft"),
    TESTING("testing"),
    ACTIVE("active"),
    INACTIVE("inactive"),
    ERROR("error");

    private final String wire;

    ConnectionStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ConnectionStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }

    /** Whether an owner may ask for {@code target} directly (PATCH): only {@code active} ↔ {@code inactive}. */
    public boolean mayBeSetByOwnerTo(ConnectionStatus target) {
        return target == this
                || (this == ACTIVE && target == INACTIVE)
                || (this == INACTIVE && target == ACTIVE);
    }

    /** Whether a connection test may start from this status. */
    public boolean mayStartTest() {
        return Set.of(DRAFT, ERROR, ACTIVE, INACTIVE).contains(this);
    }

    /**
     * The status after a configuration edit. A {@code material} edit (credentials, scopes or URLs)
     * must be tested again before use, so an active or inactive connection goes back to draft; any
     * edit of a failed connection or one under test makes it a draft (the test's result no longer
     * describes it).
     */
    public ConnectionStatus afterEdit(boolean material) {
        return switch (this) {
            case ERROR, TESTING -> DRAFT;
            case ACTIVE, INACTIVE -> material ? DRAFT : this;
            case DRAFT -> DRAFT;
        };
    }
}
