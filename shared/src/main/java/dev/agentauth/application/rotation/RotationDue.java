package dev.agentauth.application.rotation;

import java.time.Instant;

/** A connection the index says has a credential due for rotation since {@code dueAt}. */
public record RotationDue(String tenantId, String connectionId, Instant dueAt) {}
