package dev.agentauth.lambda;

import dev.agentauth.config.Environment;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * CloudWatch EMF metrics of scheduled jobs (the sibling of {@link RequestMetrics}): one set of
 * counts per run, with the job as a dimension. Off without {@code POWERTOOLS_METRICS_NAMESPACE}.
 */
@Singleton
public final class JobMetrics {

    private final String namespace;

    @Inject
    public JobMetrics(Environment environment) {
        // from the injected environment, as RequestMetrics: Powertools itself reads only the process's
        this.namespace = environment.get("POWERTOOLS_METRICS_NAMESPACE").orElse(null);
    }

    /** Counts of one run; names ending in {@code Seconds} are published as seconds. */
    public void run(String job, Map<String, ? extends Number> values) {
        if (namespace == null) return;
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.setNamespace(namespace);
        metrics.addDimension("Job", job);
        values.forEach((name, value) -> metrics.addMetric(name, value.doubleValue(),
                name.endsWith("Seconds") ? MetricUnit.SECONDS : MetricUnit.COUNT));
        metrics.flush();
    }
}
