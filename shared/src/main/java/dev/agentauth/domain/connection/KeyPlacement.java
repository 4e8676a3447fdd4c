package dev.agentauth.domain.connection;

import java.util.Arrays;
import java.util.Optional;

/** Where an API key travels: a request header or a query parameter. */
public enum KeyPlacement {
    HEADER("header"),
    QUERY("query");

    private final String wire;

    KeyPlacement(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<KeyPlacement> fromWire(String value) {
        return Arrays.stream(values()).filter(p -> p.wire.equals(value)).findFirst();
    }
}
