package dev.agentauth.application.accounts;

/** Who asked (for audit records) and the request id; {@code scheduler} for scheduled work. */
public record RequestContext(String actor, String requestId) {}
