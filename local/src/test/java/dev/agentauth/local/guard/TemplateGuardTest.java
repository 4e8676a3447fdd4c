package dev.agentauth.local.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentauth.local.ProjectRoot;
import dev.agentauth.local.lambda.FunctionArtifact;
import dev.agentauth.local.template.FunctionDefinition;
import dev.agentauth.local.template.Template;
import dev.agentauth.local.template.Template.Nodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What every function of template.yaml must come with; a new function that misses a piece fails here. */
class TemplateGuardTest {

    private final Path root = ProjectRoot.find();
    private final Template template = Template.load(root.resolve("template.yaml"));

    @Test
    void everyFunctionsHandlerClassIsInItsPackagedArtifact() {
        List<String> problems = new ArrayList<>();
        for (FunctionDefinition function : template.functions()) {
            FunctionArtifact artifact = FunctionArtifact.of(root, function.codeUri());
            if (!artifact.exists()) problems.add(function.logicalId() + ": " + artifact.directory() + " missing");
            else if (!artifact.contains(function.handlerClass())) problems.add(function.logicalId() + ": no " + function.handlerClass());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyFunctionModuleHasAMakefileTargetForItsLogicalId() throws IOException {
        List<String> problems = new ArrayList<>();
        for (FunctionDefinition function : template.functions()) {
            Path makefile = root.resolve(function.codeUri()).resolve("Makefile");
            if (!Files.exists(makefile)
                    || !Pattern.compile("(?m)^build-" + function.logicalId() + ":").matcher(Files.readString(makefile)).find()) {
                problems.add(function.logicalId() + ": " + makefile + " needs target build-" + function.logicalId());
            }
            if (!template.resource(function.logicalId()).orElseThrow().definition().toString().contains("BuildMethod=makefile")) {
                problems.add(function.logicalId() + ": Metadata.BuildMethod must be makefile");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyFunctionModuleIsInTheReactorAndBuiltBeforeTheLocalRuntime() throws IOException {
        String functionsPom = Files.readString(root.resolve("functions/pom.xml"));
        String localPom = Files.readString(root.resolve("local/pom.xml"));
        List<String> problems = new ArrayList<>();
        for (FunctionDefinition function : template.functions()) {
            String module = function.moduleName();
            if (!functionsPom.contains("<module>" + module + "</module>")) problems.add(module + " missing in functions/pom.xml");
            if (!localPom.contains("<artifactId>" + module + "</artifactId>")) problems.add(module + " missing in local/pom.xml");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyFunctionHasASampleEventForOneOfItsTriggers() {
        List<String> problems = new ArrayList<>();
        for (FunctionDefinition function : template.functions()) {
            Path event = root.resolve("events").resolve(function.moduleName() + ".json");
            if (!Files.exists(event)) {
                problems.add(function.logicalId() + ": " + event + " missing");
                continue;
            }
            Map<String, Object> sample = Nodes.map(dev.agentauth.local.template.CfnYaml.read(event));
            List<String> routeKeys = template.httpRoutes().stream()
                    .filter(r -> r.functionId().equals(function.logicalId())).map(r -> r.routeKey()).toList();
            if (!routeKeys.isEmpty() && !routeKeys.contains(String.valueOf(sample.get("routeKey")))) {
                problems.add(function.logicalId() + ": sample routeKey " + sample.get("routeKey") + " is not one of " + routeKeys);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyFunctionLogsToALogGroupWithRetention() {
        List<String> problems = new ArrayList<>();
        for (FunctionDefinition function : template.functions()) {
            Object logGroup = Nodes.map(function.properties().get("LoggingConfig")).get("LogGroup");
            String logGroupId = String.valueOf(Nodes.map(logGroup).get("Ref"));
            boolean retained = template.resource(logGroupId)
                    .filter(r -> r.type().equals("AWS::Logs::LogGroup"))
                    .map(r -> r.properties().containsKey("RetentionInDays")).orElse(false);
            if (!retained) problems.add(function.logicalId() + ": LoggingConfig.LogGroup must !Ref a log group with RetentionInDays");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyFunctionHasAnErrorRateAlarm() {
        List<String> problems = new ArrayList<>();
        for (FunctionDefinition function : template.functions()) {
            boolean alarmed = template.resourcesOfType("AWS::CloudWatch::Alarm").stream().anyMatch(alarm -> {
                String text = alarm.properties().toString();
                return text.contains("MetricName=Errors") && text.contains("MetricName=Invocations")
                        && text.contains("{Ref=" + function.logicalId() + "}");
            });
            if (!alarmed) problems.add(function.logicalId() + ": no alarm on Errors/Invocations of the function");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void functionsPublishAnAliasSoSnapStartApplies() {
        Map<String, Object> globals = template.functionGlobals();

        assertTrue(globals.containsKey("AutoPublishAlias"), "Globals.Function.AutoPublishAlias");
        assertEquals("PublishedVersions", Nodes.map(globals.get("SnapStart")).get("ApplyOn"));
        for (FunctionDefinition function : template.functions()) {
            assertTrue(function.properties().containsKey("AutoPublishAlias"), function.logicalId());
        }
    }

    @Test
    void noFunctionPolicyGrantsEveryResource() {
        List<String> problems = new ArrayList<>();
        for (FunctionDefinition function : template.functions()) {
            for (Object policy : Nodes.list(function.properties().get("Policies"))) {
                for (Object statement : Nodes.list(Nodes.map(policy).get("Statement"))) {
                    if (Nodes.strings(Nodes.map(statement).get("Resource")).contains("*")) {
                        problems.add(function.logicalId() + ": " + statement);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
