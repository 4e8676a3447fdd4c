package dev.agentauth.local.lambda;

import dev.agentauth.local.template.FunctionDefinition;
import dev.agentauth.local.template.Resolver;
import dev.agentauth.testkit.AwsEndpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The environment a function sees locally: what Lambda itself provides, then the template's
 * variables ({@code Globals} merged with the function's) resolved to local physical names, then
 * the local-only settings (the emulator endpoint, private outbound targets allowed so sandbox
 * providers on 127.0.0.1 can be reached).
 */
public final class LambdaEnvironment {

    /** Variables the Lambda service sets itself, so the template need not declare them. */
    public static final Set<String> PROVIDED_BY_LAMBDA = Set.of(
            "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_EXECUTION_ENV", "AWS_XRAY_CONTEXT_MISSING", "AWS_XRAY_DAEMON_ADDRESS", "_X_AMZN_TRACE_ID", "_HANDLER",
            "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "TZ",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN");

    /** Variables only emulators set (in AWS the SDK's default endpoints apply). */
    public static final Set<String> EMULATOR_ONLY = Set.of("AWS_ENDPOINT_URL");

    private LambdaEnvironment() {}

    public static Map<String, String> of(FunctionDefinition function, Resolver resolver, AwsEndpoint endpoint, String functionName) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_REGION", endpoint.region());
        environment.put("AWS_DEFAULT_REGION", endpoint.region());
        environment.put("AWS_ACCESS_KEY_ID", endpoint.accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", endpoint.secretAccessKey());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memoryMb()));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        environment.put("_HANDLER", function.handler());
        function.environment().forEach((name, value) -> environment.put(name, resolver.string(value)));
        environment.put("AWS_ENDPOINT_URL", endpoint.url().toString());
        environment.put("AGENTAUTH_ALLOW_PRIVATE_TARGETS", "true");
        return environment;
    }
}
