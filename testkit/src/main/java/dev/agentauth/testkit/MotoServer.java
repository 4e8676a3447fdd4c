package dev.agentauth.testkit;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * moto in server mode, from the project's virtualenv ({@code AGENTAUTH_VENV}, or the cache
 * directory keyed by requirements-dev.txt's hash). When the virtualenv is missing it asks
 * {@code ./dev tools} to install it, so a test never silently skips for want of its tool.
 */
public final class MotoServer implements AutoCloseable {

    private static MotoServer shared;

    private final Process process;
    private final AwsEndpoint endpoint;

    private MotoServer(Process process, AwsEndpoint endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static synchronized MotoServer startShared() {
        if (shared == null) {
            shared = start();
            MotoServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto-stop"));
        }
        return shared;
    }

    public static MotoServer start() {
        Path executable = ProjectTools.venv().resolve("bin/moto_server");
        int port = freePort();
        try {
            Path log = Files.createTempFile("moto-", ".log");
            Process process = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            URI url = URI.create("http://127.0.0.1:" + port);
            awaitReady(process, url, log);
            return new MotoServer(process, AwsEndpoint.of(url, "moto"));
        } catch (IOException e) {
            throw new IllegalStateException("could not start moto from " + executable, e);
        }
    }

    public AwsEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void awaitReady(Process process, URI url, Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto exited: " + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) url.resolve("/moto-api/").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() < 500) return;
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("moto did not answer within 60 s: " + Files.readString(log));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** Locates (and when needed installs, through ./dev) the project's Python tools. */
    static final class ProjectTools {
        private ProjectTools() {}

        static Path venv() {
            String configured = System.getenv("AGENTAUTH_VENV");
            if (configured != null && Files.isExecutable(Path.of(configured, "bin/moto_server"))) {
                return Path.of(configured);
            }
            Path root = projectRoot();
            try {
                Process install = new ProcessBuilder(List.of(root.resolve("dev").toString(), "tools"))
                        .directory(root.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                String path = new String(install.getInputStream().readAllBytes()).strip();
                if (install.waitFor() != 0) throw new IllegalStateException("./dev tools failed");
                String[] lines = path.split("\n");
                return Path.of(lines[lines.length - 1]);
            } catch (IOException e) {
                throw new IllegalStateException("could not install the project's tools with ./dev tools", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while installing tools", e);
            }
        }

        static Path projectRoot() {
            Path dir = Path.of("").toAbsolutePath();
            while (dir != null) {
                if (Files.exists(dir.resolve("requirements-dev.txt")) && Files.exists(dir.resolve("dev"))) return dir;
                dir = dir.getParent();
            }
            throw new IllegalStateException("not inside the project: requirements-dev.txt not found above " + Path.of("").toAbsolutePath());
        }
    }
}
