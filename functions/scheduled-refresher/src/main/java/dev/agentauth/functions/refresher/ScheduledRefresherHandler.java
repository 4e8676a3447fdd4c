package dev.agentauth.functions.refresher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.refresh.RefreshOutcome;
import dev.agentauth.application.refresh.RefreshRunReport;
import dev.agentauth.application.refresh.ScheduledRefresh;
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

/** Scheduled (rate 5 minutes): refreshes the tokens the refresh-due index says are due. */
public final class ScheduledRefresherHandler implements RequestStreamHandler {

    /**
     * Stop starting refreshes this long before the invocation's end (a quarter of the time left,
     * at most 30 s): the refreshes in flight must finish, each bounded by the token call's timeout.
     */
    static final Duration MAX_MARGIN = Duration.ofSeconds(30);

    private final ScheduledRefresh refresh;
    private final JobMetrics metrics;
    private final Clock clock;

    public ScheduledRefresherHandler() {
        this(Environment.system());
    }

    public ScheduledRefresherHandler(Environment environment) {
        ScheduledRefresherComponent component = ScheduledRefresherComponent.create(environment);
        this.refresh = component.scheduledRefresh();
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
        RefreshRunReport report = refresh.run(new ScheduledRun(event.get().id(), event.get().time(),
                Deadline.within(clock, remaining, margin(remaining))));
        metrics.run(ScheduledRefresh.JOB, Map.of(
                "Refreshed", report.count(RefreshOutcome.REFRESHED) + report.count(RefreshOutcome.PROBED),
                "RefreshFailed", report.count(RefreshOutcome.FAILED) + report.errors(),
                "ReauthRequired", report.count(RefreshOutcome.REAUTH_REQUIRED),
                "RefreshLagSeconds", report.maxLag().toSeconds(),
                "RunIncomplete", report.complete() ? 0 : 1));
        write(output, summary(event.get(), report));
    }

    static Duration margin(Duration remaining) {
        Duration quarter = remaining.dividedBy(4);
        return quarter.compareTo(MAX_MARGIN) < 0 ? quarter : MAX_MARGIN;
    }

    private static Map<String, Object> summary(ScheduledEvent event, RefreshRunReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run_id", event.id());
        out.put("duplicate", report.duplicate());
        out.put("complete", report.complete());
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        report.outcomes().forEach((outcome, count) -> outcomes.put(outcome.name().toLowerCase(java.util.Locale.ROOT), count));
        out.put("outcomes", outcomes);
        out.put("errors", report.errors());
        out.put("max_lag_seconds", report.maxLag().toSeconds());
        return out;
    }

    private static void write(OutputStream output, Object value) throws IOException {
        output.write(Json.write(value).getBytes(StandardCharsets.UTF_8));
        output.flush();
    }
}
