package dev.agentauth.domain.connection;

/** The request that proves credentials work: {@code method} on {@code path} answers {@code expectedStatus}. */
public record Verification(String method, String path, int expectedStatus) {}
