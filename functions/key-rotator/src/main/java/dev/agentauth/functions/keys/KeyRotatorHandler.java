package dev.agentauth.functions.keys;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.keys.ScheduledKeyRotation;
import dev.agentauth.application.scheduling.Deadline;
import dev.agentauth.application.scheduling.ScheduledRun;
import dev.agentauth.config.Environment;
import dev.agentauth.json.Json;
import dev.agentauth.lambda.JobMetrics;
import dev.agentauth.lambda.Priming;
import dev.agentauth.lambda.ScheduledEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Scheduled (rate 1 day): key rotation, interrupted credential rotations, credentials due for rotation. */
public final class KeyRotatorHandler implements RequestStreamHandler {

    private final ScheduledKeyRotation rotation;
    private final JobMetrics metrics;
    private final Clock clock;

    public KeyRotatorHandler() {
        this(Environment.system());
    }

    public KeyRotatorHandler(Environment environment) {
        KeyRotatorComponent component = KeyRotatorComponent.create(environment);
        this.rotation = component.scheduledKeyRotation();
        this.metrics = component.metrics();
        this.clock = component.clock();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Optional<ScheduledEvent> event = ScheduledEvent.read(input);
        if (event.isEmpty()) {
            write(output, Map.of("skipped", "not a scheduled event"));
            return;
        }
        Duration remaining = Duration.ofMillis(context == null ? 60_000 : context.getRemainingTimeInMillis());
        Duration margin = remaining.dividedBy(4).compareTo(Duration.ofSeconds(30)) < 0 ? remaining.dividedBy(4) : Duration.ofSeconds(30);
        ScheduledKeyRotation.Report report = rotation.run(new ScheduledRun(event.get().id(), event.get().time(),
                Deadline.within(clock, remaining, margin)));
        metrics.run(ScheduledKeyRotation.JOB, Map.of(
                "KeyRotatedOnDemand", report.key().map(k -> k.rotatedOnDemand() ? 1 : 0).orElse(0),
                "KeyRotationReenabled", report.key().map(k -> k.automaticRotationEnabled() ? 1 : 0).orElse(0),
                "VaultItemsResealed", report.vaultItemsResealed(),
                "CredentialRotationsResumed", report.rotationsResumed(),
                "CredentialRotationDue", report.rotationDueNotices()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run_id", event.get().id());
        out.put("duplicate", report.duplicate());
        out.put("key_rotation_reenabled", report.key().map(k -> k.automaticRotationEnabled()).orElse(false));
        out.put("key_rotated_on_demand", report.key().map(k -> k.rotatedOnDemand()).orElse(false));
        out.put("vault_items_resealed", report.vaultItemsResealed());
        out.put("rotations_resumed", report.rotationsResumed());
        out.put("rotation_due_notices", report.rotationDueNotices());
        write(output, out);
    }

    private static void write(OutputStream output, Object value) throws IOException {
        output.write(Json.write(value).getBytes(StandardCharsets.UTF_8));
        output.flush();
    }
}
