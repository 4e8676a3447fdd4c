package dev.agentauth.domain.connection;

import java.util.Arrays;
import java.util.Optional;

/** How the client authenticates at the token endpoint (RFC 6749 section 2.3.1). */
public enum TokenEndpointAuthMethod {
    CLIENT_SECRET_POST("client_secret_post"),
    CLIENT_SECRET_BASIC("client_secret_basic");

    private final String wire;

    TokenEndpointAuthMethod(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<TokenEndpointAuthMethod> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(value)).findFirst();
    }
}
