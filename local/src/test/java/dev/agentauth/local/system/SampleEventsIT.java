package dev.agentauth.local.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.json.Json;
import dev.agentauth.local.LocalDeployment;
import dev.agentauth.local.LocalRuntime;
import dev.agentauth.local.ProjectRoot;
import dev.agentauth.local.template.FunctionDefinition;
import dev.agentauth.local.template.Template;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@code ./dev invoke <Function> events/<module>.json} does, for every function's sample event. */
@ExtendWith(AwsEndpointExtension.class)
class SampleEventsIT {

    private static LocalDeployment deployment;

    @BeforeAll
    static void deploy(AwsEndpoint endpoint) {
        deployment = LocalDeployment.deploy(ProjectRoot.find(), endpoint, "events-" + UUID.randomUUID().toString().substring(0, 8),
                Map.of("JwtIssuer", "http://127.0.0.1/_local", "JwtAudience", LocalRuntime.AUDIENCE));
    }

    @AfterAll
    static void close() {
        deployment.close();
    }

    static Stream<String> functions() {
        return Template.load(ProjectRoot.find().resolve("template.yaml")).functions().stream().map(FunctionDefinition::logicalId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void invokingAFunctionWithItsSampleEventGetsAnAnswerThatIsNoServerError(String functionId) throws IOException {
        FunctionDefinition function = deployment.template().function(functionId).orElseThrow();
        Path event = ProjectRoot.find().resolve("events").resolve(function.moduleName() + ".json");

        byte[] response = deployment.function(functionId).invoke(Files.readAllBytes(event));

        JsonNode answer = Json.parse(new String(response, StandardCharsets.UTF_8));
        if (answer.has("statusCode")) {
            int status = answer.path("statusCode").asInt();
            assertTrue(status < 500, () -> functionId + " answered " + answer);
        }
    }
}
