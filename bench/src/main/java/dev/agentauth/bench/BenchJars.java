package dev.agentauth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The two small jars the child JVMs get next to a function's artifact, cut from the bench's own
 * classes: the launcher (plays the Lambda runtime; JDK + aws-lambda-java-core only) and the AWS
 * call counter (a global SDK interceptor, only on the classpath of counting runs).
 */
record BenchJars(Path launcher, Path counter) {

    static final String LAUNCHER_PACKAGE = "dev/agentauth/bench/launcher/";
    static final String COUNTER_PACKAGE = "dev/agentauth/bench/counter/";
    static final String GLOBAL_INTERCEPTORS = "software/amazon/awssdk/global/handlers/execution.interceptors";

    static BenchJars build(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path source = codeSource();
        Path launcher = directory.resolve("bench-launcher.jar");
        Path counter = directory.resolve("bench-counter.jar");
        copyPackage(source, LAUNCHER_PACKAGE, launcher, null);
        copyPackage(source, COUNTER_PACKAGE, counter, "dev.agentauth.bench.counter.CountingInterceptor\n");
        return new BenchJars(launcher, counter);
    }

    private static Path codeSource() {
        try {
            return Path.of(BenchJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyPackage(Path source, String prefix, Path target, String interceptors) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(file)) {
            if (Files.isDirectory(source)) {
                Path root = source.resolve(prefix);
                List<Path> classes;
                try (Stream<Path> walk = Files.walk(root)) {
                    classes = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path c : classes) {
                    jar.putNextEntry(new JarEntry(source.relativize(c).toString().replace('\\', '/')));
                    Files.copy(c, jar);
                    jar.closeEntry();
                }
            } else {
                try (JarFile bench = new JarFile(source.toFile())) {
                    for (JarEntry entry : java.util.Collections.list(bench.entries())) {
                        if (entry.isDirectory() || !entry.getName().startsWith(prefix)) continue;
                        jar.putNextEntry(new JarEntry(entry.getName()));
                        try (InputStream in = bench.getInputStream(entry)) {
                            in.transferTo(jar);
                        }
                        jar.closeEntry();
                    }
                }
            }
            if (interceptors != null) {
                jar.putNextEntry(new JarEntry(GLOBAL_INTERCEPTORS));
                jar.write(interceptors.getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
    }
}
