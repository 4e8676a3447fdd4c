package dev.agentauth.domain.connection;

import java.time.Instant;

/**
 * A status move made by the system rather than by an edit (the connection test:
 * {@code draft|error|active|inactive → testing → active|error}). Applied only if the connection is
 * still at {@code expectedVersion}. {@code lastTest} null keeps the current one.
 */
public record StatusChange(
        String tenantId,
        String connectionId,
        long expectedVersion,
        ConnectionStatus status,
        String statusReason,
        LastTest lastTest,
        String actor,
        Instant at) {}
