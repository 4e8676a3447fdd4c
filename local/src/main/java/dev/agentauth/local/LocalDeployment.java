package dev.agentauth.local;

import dev.agentauth.local.aws.EmulatorResources;
import dev.agentauth.local.lambda.FunctionArtifact;
import dev.agentauth.local.lambda.LambdaEnvironment;
import dev.agentauth.local.lambda.LocalFunction;
import dev.agentauth.local.template.FunctionDefinition;
import dev.agentauth.local.template.Template;
import dev.agentauth.testkit.AwsEndpoint;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * template.yaml deployed into the emulator: its resources created, its functions loaded from
 * their packaged artifacts with their local environments. What {@code sam deploy} is in AWS;
 * the gateway, the scheduler and {@code ./dev invoke} all run functions through it.
 */
public final class LocalDeployment implements AutoCloseable {

    private final Path root;
    private final Template template;
    private final AwsEndpoint endpoint;
    private final String stackName;
    private final EmulatorResources resources;
    private final Map<String, LocalFunction> functions = new ConcurrentHashMap<>();

    private LocalDeployment(Path root, Template template, AwsEndpoint endpoint, String stackName, EmulatorResources resources) {
        this.root = root;
        this.template = template;
        this.endpoint = endpoint;
        this.stackName = stackName;
        this.resources = resources;
    }

    public static LocalDeployment deploy(Path root, AwsEndpoint endpoint, String stackName, Map<String, String> parameterOverrides) {
        Template template = Template.load(root.resolve("template.yaml"));
        for (FunctionDefinition function : template.functions()) {
            FunctionArtifact artifact = FunctionArtifact.of(root, function.codeUri());
            if (!artifact.exists()) {
                throw new IllegalStateException(function.logicalId() + " is not packaged (" + artifact.directory()
                        + " is missing): run ./dev build");
            }
        }
        EmulatorResources resources = EmulatorResources.create(template, endpoint, stackName, parameterOverrides);
        return new LocalDeployment(root, template, endpoint, stackName, resources);
    }

    public Template template() {
        return template;
    }

    public AwsEndpoint endpoint() {
        return endpoint;
    }

    public EmulatorResources resources() {
        return resources;
    }

    public String functionName(String logicalId) {
        return stackName + "-" + logicalId;
    }

    /** The environment the function sees (template variables resolved to local names, plus Lambda's own). */
    public Map<String, String> environmentOf(String logicalId) {
        FunctionDefinition definition = definition(logicalId);
        return LambdaEnvironment.of(definition, resources.resolver(), endpoint, functionName(logicalId));
    }

    /** The function, loaded on first use (its first invocation is a cold start, as in Lambda). */
    public LocalFunction function(String logicalId) {
        return functions.computeIfAbsent(logicalId, id -> LocalFunction.load(definition(id),
                FunctionArtifact.of(root, definition(id).codeUri()), functionName(id), environmentOf(id)));
    }

    private FunctionDefinition definition(String logicalId) {
        return template.function(logicalId)
                .orElseThrow(() -> new IllegalArgumentException("template.yaml has no function " + logicalId
                        + "; functions: " + template.functions().stream().map(FunctionDefinition::logicalId).toList()));
    }

    @Override
    public void close() {
        functions.values().forEach(LocalFunction::close);
        functions.clear();
    }
}
