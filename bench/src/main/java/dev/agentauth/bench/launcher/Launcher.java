package dev.agentauth.bench.launcher;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the Lambda runtime in a fresh JVM whose classpath is a function's packaged artifact plus
 * this launcher's own small jar: instantiates the handler class named in template.yaml with its
 * no-arg constructor (as Lambda does), invokes it with one event and reports on stdout in lines
 * starting with {@code BENCH }. Depends on nothing but the JDK and aws-lambda-java-core (which
 * every function artifact carries), so it adds no framework classes of its own.
 *
 * <p>Modes: {@code cold} (construct, invoke once), {@code primed} (construct, run the priming
 * hooks SnapStart would run before its snapshot, then invoke: the post-restore first request),
 * {@code count} (invoke twice, report the AWS calls of each invocation, counted by the counter
 * jar when it is on the classpath), {@code warm} (construct, invoke many times, report each
 * invocation's duration), {@code once} (construct, invoke once, report that invocation's AWS calls
 * and duration: a scheduled job's run).
 */
public final class Launcher {

    private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String handlerClass = args[1];
        Path eventFile = Path.of(args[2]);
        // a .jsonl file holds one event per invocation (fresh ids, unique names), used in turn
        byte[][] events = eventFile.toString().endsWith(".jsonl")
                ? Files.readAllLines(eventFile).stream().filter(l -> !l.isBlank()).map(l -> l.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new)
                : new byte[][] {Files.readAllBytes(eventFile)};
        Events next = new Events(events);
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        PrintStream out = System.out;

        long constructStart = System.nanoTime();
        Object handler = Class.forName(handlerClass).getConstructor().newInstance();
        long constructed = System.nanoTime();
        Invoker invoker = invoker(handler);

        switch (mode) {
            case "cold" -> {
                long start = System.nanoTime();
                byte[] response = invoker.invoke(next.get());
                Instant answered = Instant.now();
                long firstDone = System.nanoTime();
                report(out, "response-epoch-us", epochMicros(answered));
                report(out, "init-ms", millis(constructed - constructStart));
                report(out, "first-ms", millis(firstDone - start));
                report(out, "status", status(response));
                // after the cold response was timed: what the same instance's next request costs
                long secondStart = System.nanoTime();
                invoker.invoke(next.get());
                report(out, "second-ms", millis(System.nanoTime() - secondStart));
            }
            case "primed" -> {
                long primeStart = System.nanoTime();
                prime();
                long primed = System.nanoTime();
                byte[] response = invoker.invoke(next.get());
                long answered = System.nanoTime();
                report(out, "init-ms", millis(constructed - constructStart));
                report(out, "prime-ms", millis(primed - primeStart));
                report(out, "first-after-prime-ms", millis(answered - primed));
                report(out, "status", status(response));
            }
            case "first-second" -> {
                long start = System.nanoTime();
                byte[] first = invoker.invoke(next.get());
                long between = System.nanoTime();
                invoker.invoke(next.get());
                long end = System.nanoTime();
                report(out, "init-ms", millis(constructed - constructStart));
                report(out, "first-ms", millis(between - start));
                report(out, "second-ms", millis(end - between));
                report(out, "status", status(first));
            }
            case "invoke" -> {
                for (int i = 0; i < iterations; i++) {
                    byte[] response = invoker.invoke(next.get());
                    report(out, "status-" + i, status(response));
                    report(out, "body-" + i, body(response));
                }
            }
            case "count" -> {
                Counter.reset();
                byte[] first = invoker.invoke(next.get());
                report(out, "calls-first", Counter.snapshot());
                Counter.reset();
                invoker.invoke(next.get());
                report(out, "calls-second", Counter.snapshot());
                report(out, "status", status(first));
                report(out, "body", body(first));
            }
            case "once" -> {
                Counter.reset();
                long start = System.nanoTime();
                byte[] response = invoker.invoke(next.get());
                long took = System.nanoTime() - start;
                report(out, "calls", Counter.snapshot());
                report(out, "init-ms", millis(constructed - constructStart));
                report(out, "run-ms", millis(took));
                report(out, "body", body(response));
            }
            case "warm" -> {
                // bounded in time too, so that a slow route (a create: several writes and a secret)
                // does not take the whole bench's budget; the sample count is reported with the result
                long budget = Long.parseLong(System.getenv().getOrDefault("BENCH_WARM_BUDGET_MS", "1500")) * 1_000_000L;
                long warmStart = System.nanoTime();
                int warmup = Math.max(20, iterations / 5);
                for (int i = 0; i < warmup && System.nanoTime() - warmStart < budget / 4; i++) invoker.invoke(next.get());
                long measureStart = System.nanoTime();
                StringBuilder samples = new StringBuilder();
                for (int i = 0; i < iterations && (i < 20 || System.nanoTime() - measureStart < budget); i++) {
                    long start = System.nanoTime();
                    invoker.invoke(next.get());
                    long micros = (System.nanoTime() - start) / 1_000;
                    if (i > 0) samples.append(',');
                    samples.append(micros);
                }
                report(out, "warm-us", samples);
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        out.flush();
        // the SDK and Powertools may leave non-daemon threads: a Lambda sandbox is frozen, we exit
        Runtime.getRuntime().halt(0);
    }

    private static void report(PrintStream out, String name, Object value) {
        out.println("BENCH " + name + " " + value);
        out.flush();
    }

    private static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private static String status(byte[] response) {
        Matcher m = STATUS.matcher(new String(response, StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : "none";
    }

    private static String body(byte[] response) {
        // one line, for the bench to read identifiers a seeding request created
        return new String(response, StandardCharsets.UTF_8).replace('\n', ' ');
    }

    /** Runs the handlers' SnapStart priming hooks when the artifact has them (dev.agentauth.lambda.Priming). */
    private static void prime() throws Exception {
        Class<?> priming;
        try {
            priming = Class.forName("dev.agentauth.lambda.Priming");
        } catch (ClassNotFoundException none) {
            return;
        }
        Method prime = priming.getMethod("prime");
        for (Object hook : (java.util.List<?>) priming.getMethod("registered").invoke(null)) {
            prime.invoke(hook);
        }
    }

    /** The events of this run, handed out in turn. */
    static final class Events {
        private final byte[][] events;
        private int index;

        Events(byte[][] events) {
            this.events = events;
        }

        byte[] get() {
            return events[index++ % events.length];
        }
    }

    interface Invoker {
        byte[] invoke(byte[] event) throws Exception;
    }

    private static Invoker invoker(Object handler) {
        if (handler instanceof RequestStreamHandler stream) {
            return event -> {
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                stream.handleRequest(new ByteArrayInputStream(event), output, new BenchContext());
                return output.toByteArray();
            };
        }
        return PojoInvoker.of(handler);
    }

    /** The AWS call counter lives in its own jar, present only in counting runs. */
    static final class Counter {
        private static Method reset;
        private static Method snapshot;

        static {
            try {
                Class<?> counter = Class.forName("dev.agentauth.bench.counter.CallCounter");
                reset = counter.getMethod("reset");
                snapshot = counter.getMethod("snapshot");
            } catch (ReflectiveOperationException absent) {
                reset = null;
                snapshot = null;
            }
        }

        static void reset() throws Exception {
            if (reset != null) reset.invoke(null);
        }

        static String snapshot() throws Exception {
            return snapshot == null ? "{}" : (String) snapshot.invoke(null);
        }
    }
}
