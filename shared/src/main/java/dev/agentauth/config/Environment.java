package dev.agentauth.config;

import java.util.Map;
import java.util.Optional;

/** The process environment, injectable so tests and the local runtime can supply their own. */
@FunctionalInterface
public interface Environment {

    Optional<String> get(String name);

    default String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("environment variable " + name + " is not set"));
    }

    static Environment system() {
        return name -> Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    static Environment of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return name -> Optional.ofNullable(copy.get(name)).filter(v -> !v.isBlank());
    }
}
