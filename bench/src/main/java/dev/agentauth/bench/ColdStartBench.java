package dev.agentauth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs the child JVMs for one bench run: per function a counting run, cold starts (which also
 * time the same instance's second request), a class-loading run, primed runs and a warm loop;
 * and the same for the floors (hello world, and a bare SDK handler per distinct set of AWS calls).
 */
final class ColdStartBench {

    static final String HELLO = "dev.agentauth.bench.launcher.HelloHandler";
    static final String SDK_FLOOR = "dev.agentauth.bench.launcher.SdkFloorHandler";
    private static final List<String> HTTP_CLIENTS_NOT_USED = List.of("apache-client", "apache5-client", "netty-nio-client", "aws-crt-client");
    private static final List<String> SERVICE_CLIENTS = List.of("dynamodb", "kms", "secretsmanager", "eventbridge");

    private final Path root;
    private final BenchJars jars;
    private final Emulator emulator;
    private final Template template;
    private final Events events;
    private final ChildJvm jvm = new ChildJvm();
    private final Path work;
    private final List<String> benchClasspath;

    ColdStartBench(Path root, BenchJars jars, Emulator emulator, Template template, Events events, Path work) {
        this.root = root;
        this.jars = jars;
        this.emulator = emulator;
        this.template = template;
        this.events = events;
        this.work = work;
        this.benchClasspath = List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
    }

    Path root() {
        return root;
    }

    ChildJvm.Result invoke(Template.Function function, Path event, int times) throws IOException, InterruptedException {
        return jvm.run(functionClasspath(function, false), environment(function), List.of(), "invoke", function.handlerClass(), event, times);
    }

    Path artifactDirectory(Template.Function function) {
        if (function.artifactOverride() != null) return function.artifactOverride();
        return root.resolve(function.codeUri()).resolve("target/lambda");
    }

    /** The function's artifact as Lambda lays it out: the classes directory first, then lib/*.jar. */
    List<Path> artifactClasspath(Template.Function function) throws IOException {
        Path dir = artifactDirectory(function);
        List<Path> classpath = new ArrayList<>();
        classpath.add(dir);
        Path lib = dir.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jarsInLib = Files.list(lib)) {
                jarsInLib.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(classpath::add);
            }
        }
        return classpath;
    }

    Results.Artifact artifact(Template.Function function) throws IOException {
        Path dir = artifactDirectory(function);
        Path zip = function.artifactOverride() != null ? dir.resolveSibling(dir.getFileName() + ".zip")
                : root.resolve(function.codeUri()).resolve("target/lambda.zip");
        long unpacked;
        try (Stream<Path> all = Files.walk(dir)) {
            unpacked = all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        Map<String, Long> jarBytes = new TreeMap<>();
        Path lib = dir.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> list = Files.list(lib)) {
                list.forEach(p -> jarBytes.put(p.getFileName().toString(), p.toFile().length()));
            }
        }
        // a variant directory has no zip: its jars are compressed already, so its size on disk is close
        return new Results.Artifact(Files.exists(zip) ? Files.size(zip) : unpacked, unpacked, jarBytes);
    }

    private List<Path> functionClasspath(Template.Function function, boolean counting) throws IOException {
        List<Path> classpath = new ArrayList<>(artifactClasspath(function));
        classpath.add(jars.launcher());
        if (counting) classpath.add(jars.counter());
        return classpath;
    }

    /**
     * The template's environment for this function, except that private targets are allowed: the
     * bench's providers (the sandbox OAuth server and API-key service) listen on loopback, as in
     * {@code ./dev run}.
     */
    Map<String, String> environment(Template.Function function) {
        Map<String, String> env = emulator.environment(template, function);
        env.put("AGENTAUTH_ALLOW_PRIVATE_TARGETS", "true");
        return env;
    }

    // ------------------------------------------------------------------ function runs

    ChildJvm.Result count(Template.Function function, Path event) throws IOException, InterruptedException {
        return jvm.run(functionClasspath(function, true), environment(function), List.of(), "count", function.handlerClass(), event, 1);
    }

    /** Counts the function's AWS calls with another environment than the bench stack's (the local runtime's). */
    ChildJvm.Result count(Template.Function function, Map<String, String> environment, Path event) throws IOException, InterruptedException {
        return jvm.run(functionClasspath(function, true), environment, List.of(), "count", function.handlerClass(), event, 1);
    }

    /** One counted, timed invocation in a fresh JVM, with extra environment (the scheduled refresher section). */
    ChildJvm.Result once(Template.Function function, Map<String, String> extraEnvironment, Path event) throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(environment(function));
        env.putAll(extraEnvironment);
        return jvm.run(functionClasspath(function, true), env, List.of(), "once", function.handlerClass(), event, 1);
    }

    ChildJvm.Result cold(Template.Function function, Path event) throws IOException, InterruptedException {
        return jvm.run(functionClasspath(function, false), environment(function), List.of(), "cold", function.handlerClass(), event, 1);
    }

    Results.ClassLoads classLoads(Template.Function function, Path event) throws IOException, InterruptedException {
        return classLoads(functionClasspath(function, false), environment(function), function.handlerClass(), event);
    }

    ChildJvm.Result primed(Template.Function function, Path event) throws IOException, InterruptedException {
        return jvm.run(functionClasspath(function, false), environment(function), List.of(), "primed", function.handlerClass(), event, 1);
    }

    ChildJvm.Result warm(Template.Function function, Path event, int iterations) throws IOException, InterruptedException {
        return jvm.run(functionClasspath(function, false), environment(function), List.of(), "warm", function.handlerClass(), event, iterations);
    }

    // ------------------------------------------------------------------ floors

    private List<Path> helloClasspath() {
        List<Path> classpath = new ArrayList<>();
        classpath.add(jars.launcher());
        benchClasspath.stream().filter(p -> p.contains("aws-lambda-java-core")).map(Path::of).forEach(classpath::add);
        return classpath;
    }

    /** The SDK jars the floor needs: core, the URL-connection client and only the services it calls. */
    private List<Path> sdkFloorClasspath(String spec) {
        List<Path> classpath = new ArrayList<>(helloClasspath());
        for (String entry : benchClasspath) {
            Path jar = Path.of(entry);
            if (!entry.endsWith(".jar")) continue;
            if (entry.contains("/software/amazon/awssdk/") || entry.contains("/software/amazon/eventstream/")) {
                String artifactId = jar.getParent().getParent().getFileName().toString();
                if (HTTP_CLIENTS_NOT_USED.contains(artifactId)) continue;
                if (SERVICE_CLIENTS.contains(artifactId) && !spec.toLowerCase(java.util.Locale.ROOT).contains(serviceName(artifactId))) continue;
                classpath.add(jar);
            } else if (entry.contains("/org/reactivestreams/") || entry.contains("/org/slf4j/slf4j-api/")) {
                classpath.add(jar);
            }
        }
        return classpath;
    }

    private static String serviceName(String artifactId) {
        return switch (artifactId) {
            case "secretsmanager" -> "secretsmanager";
            default -> artifactId;
        };
    }

    Map<String, String> floorEnvironment(String spec) {
        Map<String, String> env = new LinkedHashMap<>(environment(template.functions().getFirst()));
        env.put("BENCH_FLOOR_CALLS", spec);
        env.put("BENCH_FLOOR_CIPHERTEXT", emulator.floorCiphertext());
        return env;
    }

    ChildJvm.Result helloCold(Path event) throws IOException, InterruptedException {
        return jvm.run(helloClasspath(), floorEnvironment(""), List.of(), "cold", HELLO, event, 1);
    }

    ChildJvm.Result helloWarm(Path event, int iterations) throws IOException, InterruptedException {
        return jvm.run(helloClasspath(), floorEnvironment(""), List.of(), "warm", HELLO, event, iterations);
    }

    Results.ClassLoads helloClassLoads(Path event) throws IOException, InterruptedException {
        return classLoads(helloClasspath(), floorEnvironment(""), HELLO, event);
    }

    ChildJvm.Result sdkFloorCold(String spec, Path event) throws IOException, InterruptedException {
        return jvm.run(sdkFloorClasspath(spec), floorEnvironment(spec), List.of(), "cold", SDK_FLOOR, event, 1);
    }

    ChildJvm.Result sdkFloorWarm(String spec, Path event, int iterations) throws IOException, InterruptedException {
        return jvm.run(sdkFloorClasspath(spec), floorEnvironment(spec), List.of(), "warm", SDK_FLOOR, event, iterations);
    }

    Results.ClassLoads sdkFloorClassLoads(String spec, Path event) throws IOException, InterruptedException {
        return classLoads(sdkFloorClasspath(spec), floorEnvironment(spec), SDK_FLOOR, event);
    }

    // ------------------------------------------------------------------ class loading

    private Results.ClassLoads classLoads(List<Path> classpath, Map<String, String> env, String handler, Path event)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "classload-", ".log");
        try {
            jvm.run(classpath, env, List.of(ClassLoadLog.flag(log)), "cold", handler, event, 1).value("status");
            return ClassLoadLog.read(log);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
