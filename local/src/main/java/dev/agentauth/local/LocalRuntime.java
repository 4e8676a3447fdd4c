package dev.agentauth.local;

import dev.agentauth.local.gateway.HttpGateway;
import dev.agentauth.local.gateway.TokenIssuer;
import dev.agentauth.local.sandbox.SandboxProviders;
import dev.agentauth.local.schedule.Scheduler;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.MotoServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * The development runtime ({@code ./dev run}): template.yaml deployed into an AWS emulator, its
 * HTTP routes served on 127.0.0.1 behind a local JWT authorizer, its schedules running, and
 * sandbox providers to connect to. Usable from tests as a library: {@link #start(Options)}.
 */
public final class LocalRuntime implements AutoCloseable {

    /** The audience of development tokens (the template's {@code JwtAudience} locally). */
    public static final String AUDIENCE = "agentauth-local";

    private final String baseUrl;
    private final LocalDeployment deployment;
    private final TokenIssuer issuer;
    private final Optional<SandboxProviders> sandboxes;
    private final Deque<AutoCloseable> started;

    private LocalRuntime(String baseUrl, LocalDeployment deployment, TokenIssuer issuer,
                         Optional<SandboxProviders> sandboxes, Deque<AutoCloseable> started) {
        this.baseUrl = baseUrl;
        this.deployment = deployment;
        this.issuer = issuer;
        this.sandboxes = sandboxes;
        this.started = started;
    }

    /**
     * How to run.
     *
     * @param root      the project root (holds template.yaml and the packaged functions)
     * @param port      0 for any free port
     * @param endpoint  the AWS emulator to use; empty: AWS_ENDPOINT_URL if set, else a moto started here
     * @param stackName names the local resources ({@code AWS::StackName})
     */
    public record Options(Path root, int port, boolean schedules, boolean sandboxes, Optional<AwsEndpoint> endpoint,
                          String stackName) {

        public static Options defaults(Path root) {
            return new Options(root, 3000, true, true, Optional.empty(), "agentauth-local");
        }

        /** For tests: any free port, no schedules, a stack of its own on the given emulator. */
        public static Options forTests(Path root, AwsEndpoint endpoint) {
            return new Options(root, 0, false, true, Optional.of(endpoint), "test-" + UUID.randomUUID().toString().substring(0, 8));
        }

        public Options withPort(int port) { return new Options(root, port, schedules, sandboxes, endpoint, stackName); }
        public Options withSchedules(boolean on) { return new Options(root, port, on, sandboxes, endpoint, stackName); }
        public Options withSandboxes(boolean on) { return new Options(root, port, schedules, on, endpoint, stackName); }
        public Options withEndpoint(AwsEndpoint e) { return new Options(root, port, schedules, sandboxes, Optional.of(e), stackName); }
        public Options withStackName(String name) { return new Options(root, port, schedules, sandboxes, endpoint, name); }
    }

    public static LocalRuntime start(Options options) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            AwsEndpoint endpoint = options.endpoint().orElseGet(() -> emulator(started));
            HttpGateway gateway = HttpGateway.bind(options.port());
            started.push(gateway);
            Clock clock = Clock.systemUTC();
            TokenIssuer issuer = TokenIssuer.generate(gateway.baseUrl() + "/_local", AUDIENCE, clock);
            LocalDeployment deployment = LocalDeployment.deploy(options.root(), endpoint, options.stackName(),
                    Map.of("JwtIssuer", issuer.issuer(), "JwtAudience", issuer.audience()));
            started.push(deployment);
            Optional<SandboxProviders> sandboxes = Optional.empty();
            if (options.sandboxes()) {
                SandboxProviders providers = SandboxProviders.start();
                started.push(providers);
                sandboxes = Optional.of(providers);
            }
            if (options.schedules()) started.push(Scheduler.start(deployment, clock));
            gateway.start(deployment, issuer, clock);
            return new LocalRuntime(gateway.baseUrl(), deployment, issuer, sandboxes, started);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static AwsEndpoint emulator(Deque<AutoCloseable> started) {
        String configured = System.getenv("AWS_ENDPOINT_URL");
        if (configured != null && !configured.isBlank()) return AwsEndpoint.of(URI.create(configured), "AWS_ENDPOINT_URL");
        MotoServer moto = MotoServer.start();
        started.push(moto);
        return moto.endpoint();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    /** A development token, as {@code POST /_local/token} mints it. */
    public String mintToken(String tenantId, List<String> scopes) {
        return issuer.mint(tenantId, scopes, null);
    }

    public String mintToken(String tenantId, List<String> scopes, String subject) {
        return issuer.mint(tenantId, scopes, subject);
    }

    /**
     * Runs a scheduled function now with the event its (first) schedule sends, as if the schedule
     * fired: for system tests of scheduled jobs and for {@code POST /_local/schedules/<FunctionId>}.
     *
     * @return the function's response payload
     */
    public byte[] runSchedule(String functionId) {
        return Scheduler.runNow(deployment, functionId);
    }

    public LocalDeployment deployment() {
        return deployment;
    }

    public AwsEndpoint awsEndpoint() {
        return deployment.endpoint();
    }

    /** The sandbox providers (absent when started without them). */
    public SandboxProviders sandboxes() {
        return sandboxes.orElseThrow(() -> new IllegalStateException("started without sandbox providers"));
    }

    /** Stops everything this runtime started, newest first. */
    @Override
    public void close() {
        closeAll(started);
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                RuntimeLog.warn("could not stop %s: %s", resource.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = parse(args);
        LocalRuntime runtime = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            RuntimeLog.info("stopping");
            runtime.close();
            stopped.countDown();
        }, "local-runtime-stop"));
        runtime.sandboxes.ifPresent(s -> {
            RuntimeLog.info("sandbox OAuth 2.0 server (PKCE required, any client id/secret): issuer %s", s.oauthIssuer());
            RuntimeLog.info("  authorization_url %s", s.oauthAuthorizationUrl());
            RuntimeLog.info("  token_url         %s", s.oauthTokenUrl());
            RuntimeLog.info("sandbox API-key service: %s (GET /v1/me with key %s)", s.apiKeyBaseUrl(), SandboxProviders.API_KEY);
        });
        RuntimeLog.info("routes:");
        runtime.deployment.template().httpRoutes().forEach(r -> RuntimeLog.info("  %-34s -> %s%s", r.routeKey(), r.functionId(),
                r.scopes().isEmpty() ? "" : " " + r.scopes()));
        runtime.deployment.template().schedules().forEach(sc -> RuntimeLog.info("  %-34s -> %s (run now: POST /_local/schedules/%s)",
                sc.expression(), sc.functionId(), sc.functionId()));
        RuntimeLog.info("mint a token: curl -s -X POST %s/_local/token -d '{\"tenant_id\":\"t1\",\"scopes\":[\"connections:read\"]}'",
                runtime.baseUrl);
        System.out.println("Agent Auth Connections local runtime ready at " + runtime.baseUrl);
        System.out.flush();
        stopped.await();
    }

    static Options parse(String[] args) {
        Path root = null;
        Integer port = null;
        boolean schedules = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--no-schedules" -> schedules = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --root <dir> --port <n> --no-schedules)");
            }
        }
        if (root == null) root = ProjectRoot.find();
        if (port == null) {
            String fromEnv = System.getenv("PORT");
            port = fromEnv != null && !fromEnv.isBlank() ? Integer.parseInt(fromEnv.strip()) : 3000;
        }
        return Options.defaults(root).withPort(port).withSchedules(schedules);
    }
}
