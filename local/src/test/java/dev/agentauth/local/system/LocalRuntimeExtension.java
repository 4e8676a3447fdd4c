package dev.agentauth.local.system;

import dev.agentauth.local.LocalRuntime;
import dev.agentauth.local.ProjectRoot;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpoints;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * System tests through the local runtime. One runtime serves the whole test JVM (started on first
 * use, on the JVM's shared emulator, stopped when the tests end); tests ask for an
 * {@link ApiClient} (and, when they need it, the {@link LocalRuntime} itself or the
 * {@link AwsEndpoint} to look into the emulator):
 * <pre>{@code
 * @ExtendWith(LocalRuntimeExtension.class)
 * class ConnectionsSystemIT {
 *     @Test void createsAConnection(ApiClient api) {
 *         String token = api.token("t1", "connections:write");
 *         ApiResult created = api.post("/v1/connections", token, Map.of(...));
 *         ...
 * }</pre>
 * Each test should use a tenant of its own (e.g. {@link #newTenant()}) since the runtime is shared.
 */
public final class LocalRuntimeExtension implements ParameterResolver {

    private static final String KEY = LocalRuntime.class.getName();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ApiClient.class || type == LocalRuntime.class || type == AwsEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalRuntime runtime = runtime(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == LocalRuntime.class) return runtime;
        if (type == AwsEndpoint.class) return runtime.awsEndpoint();
        return new ApiClient(runtime.uri("/"));
    }

    /** The JVM-wide runtime; the root store closes it when the test run ends. */
    public static LocalRuntime runtime(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).computeIfAbsent(KEY,
                key -> LocalRuntime.start(LocalRuntime.Options.forTests(ProjectRoot.find(), AwsEndpoints.shared())),
                LocalRuntime.class);
    }

    /** A tenant id no other test uses. */
    public static String newTenant() {
        return "t-" + java.util.UUID.randomUUID().toString().substring(0, 12);
    }
}
