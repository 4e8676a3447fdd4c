package dev.agentauth.domain.connection;

import java.util.Arrays;
import java.util.Optional;

/** Where per-user tokens live: envelope-encrypted in DynamoDB ({@code vault}) or one secret per account. */
public enum TokenStorage {
    VAULT("vault"),
    SECRETS_MANAGER("secrets_manager");

    private final String wire;

    TokenStorage(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<TokenStorage> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }
}
