package dev.agentauth.lambda;

import dev.agentauth.config.Environment;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * CloudWatch EMF metrics through Powertools' functional API (no AspectJ weaving). The namespace
 * comes only from the template ({@code POWERTOOLS_METRICS_NAMESPACE}); without it metrics are off.
 */
@Singleton
public final class RequestMetrics {

    private final boolean enabled;
    private final String namespace;

    @Inject
    public RequestMetrics(Environment environment) {
        this.namespace = environment.get("POWERTOOLS_METRICS_NAMESPACE").orElse(null);
        this.enabled = namespace != null;
    }

    public void request(int status, long latencyMs) {
        if (!enabled) return;
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.addMetric("Requests", 1, MetricUnit.COUNT);
        metrics.addMetric("Latency", latencyMs, MetricUnit.MILLISECONDS);
        if (status >= 500) metrics.addMetric("ServerErrors", 1, MetricUnit.COUNT);
        else if (status >= 400) metrics.addMetric("ClientErrors", 1, MetricUnit.COUNT);
        metrics.flush();
    }

    public void error(String errorClass) {
        if (!enabled) return;
        Metrics metrics = MetricsFactory.getMetricsInstance();
        // a single-metric flush does not inherit the namespace: without it Powertools throws, and the
        // exception escaped HttpApi's error path (a 500 became a failed invocation; found by ./dev bench)
        metrics.flushSingleMetric("Errors_" + errorClass, 1, MetricUnit.COUNT, namespace, null);
    }

    public void count(String name, double value) {
        if (!enabled) return;
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.addMetric(name, value, MetricUnit.COUNT);
        metrics.flush();
    }
}
