package dev.agentauth.application.scheduling;

import java.time.Instant;

/** One delivery of a scheduled job: its delivery id, the tick it belongs to and when it must stop. */
public record ScheduledRun(String id, Instant scheduledAt, Deadline deadline) {}
