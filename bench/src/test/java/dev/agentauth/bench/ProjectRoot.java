package dev.agentauth.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests run in: the nearest directory above the working directory holding template.yaml. */
final class ProjectRoot {
    private ProjectRoot() {}

    static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("template.yaml")) && Files.exists(dir.resolve("dev"))) return dir;
            dir = dir.getParent();
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }
}
