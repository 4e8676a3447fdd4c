package dev.agentauth.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One fresh JVM started the way the Lambda Java runtime starts one: the function's artifact
 * (classes directory, then lib/*.jar) on the classpath, JAVA_TOOL_OPTIONS from the template,
 * serial GC and a heap sized for 1024 MB. The launcher jar plays the runtime.
 */
final class ChildJvm {

    /** Lambda's java runtime flags for a 1024 MB function, approximately (its bootstrap script is not public for java25). */
    static final List<String> LAMBDA_FLAGS = List.of("-XX:+UseSerialGC", "-Xshare:auto", "-XX:MaxHeapSize=870m",
            "-Djava.net.preferIPv4Stack=true");

    record Result(long startEpochMicros, long exitedEpochMicros, Map<String, String> values, String stderrTail, int exitCode,
            List<String> errorLogs) {
        String value(String name) {
            String v = values.get(name);
            if (v == null) throw new IllegalStateException("child reported no " + name + " (exit " + exitCode + "): " + failure());
            return v;
        }

        /** The warm loop's samples ({@code warm-us}, microseconds) in milliseconds. */
        Stats warm() {
            List<Double> samples = new ArrayList<>();
            for (String micros : value("warm-us").split(",")) samples.add(Long.parseLong(micros) / 1000.0);
            return Stats.of(samples);
        }

        /** The exception lines of the child's stderr (the top one and its causes), not the whole trace. */
        String failure() {
            java.util.List<String> lines = stderrTail.lines().map(String::strip)
                    .filter(l -> l.startsWith("Caused by:") || l.startsWith("Exception in thread") || l.matches("^[\\w.$]+(Exception|Error)(:.*)?$"))
                    .toList();
            if (lines.isEmpty()) return stderrTail.length() > 600 ? stderrTail.substring(stderrTail.length() - 600) : stderrTail;
            return String.join(" / ", lines.size() > 4 ? java.util.List.of(lines.get(0), lines.get(lines.size() - 2), lines.getLast()) : lines);
        }

        double millis(String name) {
            return Double.parseDouble(value(name));
        }

        /** Process start (taken in the parent just before it started the JVM) to the first response, in ms. */
        double coldMillis() {
            return (Long.parseLong(value("response-epoch-us")) - startEpochMicros) / 1000.0;
        }
    }

    private final Path javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");

    Result run(List<Path> classpath, Map<String, String> environment, List<String> extraJvmFlags, String mode,
            String handlerClass, Path event, int iterations) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(LAMBDA_FLAGS);
        command.addAll(extraJvmFlags);
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add("dev.agentauth.bench.launcher.Launcher");
        command.add(mode);
        command.add(handlerClass);
        command.add(event.toString());
        command.add(String.valueOf(iterations));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().putAll(environment);
        Path stderr = Files.createTempFile("bench-child-", ".err");
        builder.redirectError(stderr.toFile());
        long start = epochMicros(Instant.now());
        Process process = builder.start();
        Map<String, String> values = new LinkedHashMap<>();
        List<String> errorLogs = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("BENCH ")) {
                    int space = line.indexOf(' ', 6);
                    values.put(line.substring(6, space), line.substring(space + 1));
                } else if (line.contains("\"level\":\"ERROR\"") && errorLogs.size() < 20) {
                    // the function's own error log lines: why a request answered 500
                    errorLogs.add(line.length() > 2000 ? line.substring(0, 2000) : line);
                }
            }
        }
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("child JVM for " + handlerClass + " did not exit");
        }
        long exited = epochMicros(Instant.now());
        String err = Files.readString(stderr);
        Files.deleteIfExists(stderr);
        String tail = err.length() > 20000 ? err.substring(err.length() - 20000) : err;
        return new Result(start, exited, values, tail, process.exitValue(), List.copyOf(errorLogs));
    }

    static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
