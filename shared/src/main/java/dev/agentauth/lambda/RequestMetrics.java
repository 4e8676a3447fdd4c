package dev.agentauth.lambda;

import dev.agentauth.config.Environment;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * CloudWatch EMF metrics through Powertools' functional API (no AspectJ weaving). The namespace
 * comes only from the template ({@code POWERTOOLS_METRICS_NAMESPACE}); without it metrics are off.
 * It is handed to Powertools from the injected {@link Environment} rather than left to Powertools'
 * own {@code System.getenv} read, so a handler built with another environment (tests, the local
 * runtime) emits with the namespace it was configured with.
 *
 * <p>A metric that cannot be written is logged and dropped: it never changes the response.
 */
@Singleton
public final class RequestMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(RequestMetrics.class);

    private final boolean enabled;
    private final String namespace;

    @Inject
    public RequestMetrics(Environment environment) {
        this.namespace = environment.get("POWERTOOLS_METRICS_NAMESPACE").orElse(null);
        this.enabled = namespace != null;
    }

    private Metrics metrics() {
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.setNamespace(namespace);
        return metrics;
    }

    public void request(int status, long latencyMs) {
        emit(() -> {
            Metrics metrics = metrics();
            metrics.addMetric("Requests", 1, MetricUnit.COUNT);
            metrics.addMetric("Latency", latencyMs, MetricUnit.MILLISECONDS);
            if (status >= 500) metrics.addMetric("ServerErrors", 1, MetricUnit.COUNT);
            else if (status >= 400) metrics.addMetric("ClientErrors", 1, MetricUnit.COUNT);
            metrics.flush();
        });
    }

    public void error(String errorClass) {
        // a single-metric flush inherits neither the namespace nor a dimension set: pass both, or Powertools throws
        emit(() -> metrics().flushSingleMetric("Errors_" + errorClass, 1, MetricUnit.COUNT, namespace, new DimensionSet()));
    }

    public void count(String name, double value) {
        emit(() -> {
            Metrics metrics = metrics();
            metrics.addMetric(name, value, MetricUnit.COUNT);
            metrics.flush();
        });
    }

    private void emit(Runnable write) {
        if (!enabled) return;
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.warn("metric dropped: {}", e.toString());
        }
    }
}
