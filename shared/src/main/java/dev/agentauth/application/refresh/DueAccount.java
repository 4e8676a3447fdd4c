package dev.agentauth.application.refresh;

import java.time.Instant;

/** An account the refresh-due index says is due: who owns it and since when it is due. */
public record DueAccount(String tenantId, String accountId, Instant dueAt) {}
