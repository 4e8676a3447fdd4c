package dev.agentauth.logging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;

/**
 * Writes one JSON line per event: timestamp, level, logger, message, service, the MDC entries
 * (request_id, function_request_id, ...) and, for a throwable, its class, message and stack.
 * Writes to whatever {@code System.out} is at the time (the local runtime redirects it).
 */
final class JsonLogger extends LegacyAbstractLogger {

    private final Level threshold;
    private final String service;
    private final transient MDCAdapter mdc;

    JsonLogger(String name, Level threshold, String service, MDCAdapter mdc) {
        this.name = name;
        this.threshold = threshold;
        this.service = service;
        this.mdc = mdc;
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    @Override public boolean isTraceEnabled() { return enabled(Level.TRACE); }
    @Override public boolean isDebugEnabled() { return enabled(Level.DEBUG); }
    @Override public boolean isInfoEnabled() { return enabled(Level.INFO); }
    @Override public boolean isWarnEnabled() { return enabled(Level.WARN); }
    @Override public boolean isErrorEnabled() { return enabled(Level.ERROR); }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
        StringBuilder line = new StringBuilder(256);
        line.append("{\"timestamp\":\"").append(Instant.now()).append("\",\"level\":\"").append(level).append('"');
        field(line, "logger", name);
        field(line, "message", arguments == null || arguments.length == 0 ? pattern : MessageFormatter.basicArrayFormat(pattern, arguments));
        if (service != null) field(line, "service", service);
        Map<String, String> context = mdc.getCopyOfContextMap();
        if (context != null) context.forEach((key, value) -> field(line, key, value));
        if (throwable != null) {
            line.append(",\"error\":{");
            line.append("\"name\":");
            quote(line, throwable.getClass().getName());
            line.append(",\"message\":");
            quote(line, String.valueOf(throwable.getMessage()));
            StringWriter stack = new StringWriter();
            throwable.printStackTrace(new PrintWriter(stack));
            line.append(",\"stack\":");
            quote(line, stack.toString());
            line.append('}');
        }
        line.append('}');
        PrintStream out = System.out;
        out.println(line);
    }

    private static void field(StringBuilder line, String key, String value) {
        line.append(',');
        quote(line, key);
        line.append(':');
        quote(line, value);
    }

    static void quote(StringBuilder out, String value) {
        out.append('"');
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || c == 0x2028 || c == 0x2029) out.append(String.format("\\u%04x", (int) c));
                        else out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
