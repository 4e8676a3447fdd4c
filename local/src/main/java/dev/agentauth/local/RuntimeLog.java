package dev.agentauth.local;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The local runtime's own messages, as plain lines on stderr so they stand apart from the
 * functions' JSON logs on stdout.
 */
public final class RuntimeLog {

    private RuntimeLog() {}

    public static void info(String format, Object... args) {
        System.err.println("[local] " + String.format(format, args));
    }

    public static void warn(String format, Object... args) {
        System.err.println("[local] WARN " + String.format(format, args));
    }

    /** A failure of a function or of the runtime: the developer needs the stack trace. */
    public static void error(String message, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        System.err.println("[local] ERROR " + message + "\n" + trace);
    }
}
