package dev.agentauth.local.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.json.Json;
import dev.agentauth.local.LocalDeployment;
import dev.agentauth.local.RuntimeLog;
import dev.agentauth.local.aws.EmulatorResources;
import dev.agentauth.local.lambda.FunctionFailedException;
import dev.agentauth.local.template.ScheduleDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the template's scheduled functions ({@code Schedule}/{@code ScheduleV2} events) on their
 * schedules with the event EventBridge sends (or the schedule's {@code Input} when it has one).
 */
public final class Scheduler implements AutoCloseable {

    private final LocalDeployment deployment;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "local-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    private Scheduler(LocalDeployment deployment, Clock clock) {
        this.deployment = deployment;
        this.clock = clock;
    }

    public static Scheduler start(LocalDeployment deployment, Clock clock) {
        Scheduler scheduler = new Scheduler(deployment, clock);
        for (ScheduleDefinition schedule : deployment.template().schedules()) {
            if (!schedule.enabled()) {
                RuntimeLog.info("schedule %s.%s is disabled in the template", schedule.functionId(), schedule.eventName());
                continue;
            }
            ScheduleExpression expression = ScheduleExpression.parse(schedule.expression());
            scheduler.arm(schedule, expression, clock.instant());
            RuntimeLog.info("scheduled %s on %s", schedule.functionId(), schedule.expression());
        }
        return scheduler;
    }

    private void arm(ScheduleDefinition schedule, ScheduleExpression expression, Instant after) {
        Instant next = expression.nextAfter(after);
        long delay = Math.max(0, Duration.between(clock.instant(), next).toMillis());
        timer.schedule(() -> {
            // re-arm first, so a slow run does not shift the schedule
            arm(schedule, expression, next);
            Thread.ofVirtual().name("schedule-" + schedule.functionId()).start(() -> fire(schedule, next));
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Invokes a scheduled function now, as its schedule would at {@code time}; answers its response payload. */
    public static byte[] fire(LocalDeployment deployment, ScheduleDefinition schedule, Instant time) {
        String event = schedule.input().orElseGet(() -> Json.write(scheduledEvent(deployment, schedule, time)));
        return deployment.function(schedule.functionId()).invoke(event.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs a function's first schedule now (whether or not the runtime runs schedules). */
    public static byte[] runNow(LocalDeployment deployment, String functionId) {
        ScheduleDefinition schedule = deployment.template().schedules().stream()
                .filter(s -> s.functionId().equals(functionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(functionId + " has no Schedule or ScheduleV2 event in template.yaml"));
        return fire(deployment, schedule, Instant.now());
    }

    private void fire(ScheduleDefinition schedule, Instant time) {
        try {
            fire(deployment, schedule, time);
            RuntimeLog.info("ran scheduled %s", schedule.functionId());
        } catch (FunctionFailedException e) {
            RuntimeLog.error("scheduled " + schedule.functionId() + " failed", e.getCause());
        }
    }

    /** The JSON EventBridge sends for a scheduled rule. */
    static ObjectNode scheduledEvent(LocalDeployment deployment, ScheduleDefinition schedule, Instant time) {
        String region = deployment.endpoint().region();
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", EmulatorResources.ACCOUNT_ID);
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add("arn:aws:events:" + region + ":" + EmulatorResources.ACCOUNT_ID + ":rule/"
                + deployment.functionName(schedule.functionId()) + "-" + schedule.eventName());
        event.putObject("detail");
        return event;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
