package dev.agentauth.domain.connection;

import java.util.Arrays;
import java.util.Optional;

/** How a connection authenticates against its provider. */
public enum AuthType {
    OAUTH2("oauth2"),
    API_KEY("api_key");

    private final String wire;

    AuthType(String wire) {
        this.wire = wire;
    }

    /** The value used in JSON and in provider templates. */
    public String wire() {
        return wire;
    }

    public static Optional<AuthType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
    }
}
