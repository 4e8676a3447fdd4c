package dev.agentauth.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A function's deployment package as Maven builds it for Lambda ({@code target/lambda}: classes
 * at the root, dependencies in {@code lib/}). Loaded like Lambda loads it: one class loader of
 * its own, whose parent is the platform class loader, so nothing of the local runtime's class
 * path (its own Jackson, SDK, shared) leaks into the function.
 */
public record FunctionArtifact(Path directory) {

    /** Where the function module at {@code codeUri} (relative to the project root) is packaged. */
    public static FunctionArtifact of(Path projectRoot, String codeUri) {
        return new FunctionArtifact(projectRoot.resolve(codeUri).resolve("target/lambda"));
    }

    public boolean exists() {
        return Files.isDirectory(directory);
    }

    public List<URL> classPath() {
        if (!exists()) {
            throw new IllegalStateException(directory + " does not exist: package the functions first (./dev build)");
        }
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(directory.toUri().toURL());
            Path lib = directory.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) urls.add(jar.toUri().toURL());
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return urls;
    }

    public URLClassLoader newClassLoader(String name) {
        return new URLClassLoader(name, classPath().toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** Whether the package holds a class, without loading it. */
    public boolean contains(String className) {
        String entry = className.replace('.', '/') + ".class";
        if (Files.isRegularFile(directory.resolve(entry))) return true;
        try (URLClassLoader loader = newClassLoader("probe")) {
            return loader.findResource(entry) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
