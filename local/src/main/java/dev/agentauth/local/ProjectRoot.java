package dev.agentauth.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's root directory: the nearest directory at or above the working one holding template.yaml. */
public final class ProjectRoot {

    private ProjectRoot() {}

    public static Path find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) return dir;
        }
        throw new IllegalStateException("no template.yaml at or above " + start + " (pass --root)");
    }
}
