package dev.agentauth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a child JVM's {@code -Xlog:class+load} file: classes loaded in total, those from outside
 * the JDK (the artifact's jars and classes, and classes generated at run time; not the bench's own
 * launcher), and the count per source jar.
 */
final class ClassLoadLog {

    private ClassLoadLog() {}

    static String flag(Path log) {
        return "-Xlog:class+load=info:file=" + log + ":none";
    }

    static Results.ClassLoads read(Path log) throws IOException {
        Map<String, Integer> bySource = new TreeMap<>();
        int total = 0;
        int outsideJdk = 0;
        for (String line : Files.readAllLines(log)) {
            int at = line.indexOf(" source: ");
            if (at < 0) continue;
            total++;
            String source = line.substring(at + " source: ".length()).strip();
            String name;
            if (source.startsWith("jrt:") || source.startsWith("shared objects file")) {
                name = "JDK";
            } else if (!source.startsWith("file:") && !source.startsWith("jar:")) {
                // hidden classes (lambdas, method handles, proxies) name their host class or the JVM
                name = "(generated at run time)";
                outsideJdk++;
            } else {
                String path = source.replaceFirst("^(jar:)?file:", "").replaceFirst("!/.*$", "");
                while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
                Path p = Path.of(path);
                name = path.endsWith("target/lambda") ? "(function classes)"
                        : path.endsWith("target/classes") ? "(handler classes)"
                        : p.getFileName() == null ? path : p.getFileName().toString();
                if (!name.startsWith("bench-")) outsideJdk++;
            }
            bySource.merge(name, 1, Integer::sum);
        }
        return new Results.ClassLoads(total, outsideJdk, bySource);
    }
}
