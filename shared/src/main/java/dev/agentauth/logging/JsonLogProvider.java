package dev.agentauth.logging;

import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J backend of every function: one JSON object per line on stdout (CloudWatch Logs
 * keeps each line as an event), with the MDC (request ids) as fields. It replaces Powertools'
 * log4j2 backend, which cost about 350 ms of every cold start, 1,000 loaded classes and 2.9 MB
 * of each artifact (bench/DECISIONS.md). SLF4J finds it through {@code META-INF/services}.
 *
 * <p>Levels: {@code POWERTOOLS_LOG_LEVEL} (default INFO) for this project's loggers, WARN for
 * libraries. These two variables are read here, not through ConfigurationModule, because SLF4J
 * starts its backend before any Dagger graph exists; both are declared in template.yaml.
 */
public final class JsonLogProvider implements SLF4JServiceProvider {

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();
    private JsonLoggerFactory loggers;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        Level project = level(System.getenv("POWERTOOLS_LOG_LEVEL"), Level.INFO);
        String service = System.getenv("POWERTOOLS_SERVICE_NAME");
        loggers = new JsonLoggerFactory(project, Level.WARN, service, mdc);
    }

    static Level level(String name, Level fallback) {
        if (name == null || name.isBlank()) return fallback;
        try {
            return Level.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return fallback;
        }
    }
}
