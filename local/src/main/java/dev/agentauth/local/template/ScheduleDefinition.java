package dev.agentauth.local.template;

import java.util.Optional;

/** A {@code Schedule} or {@code ScheduleV2} event of a function: {@code rate(...)} or {@code cron(...)}. */
public record ScheduleDefinition(String functionId, String eventName, String expression, Optional<String> input, boolean enabled) {}
