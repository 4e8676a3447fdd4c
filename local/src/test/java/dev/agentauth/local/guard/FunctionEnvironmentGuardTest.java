package dev.agentauth.local.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentauth.local.ProjectRoot;
import dev.agentauth.local.aws.EmulatorResources;
import dev.agentauth.local.lambda.FunctionArtifact;
import dev.agentauth.local.lambda.LambdaEnvironment;
import dev.agentauth.local.lambda.LocalFunction;
import dev.agentauth.local.template.FunctionDefinition;
import dev.agentauth.local.template.Resolver;
import dev.agentauth.local.template.Template;
import dev.agentauth.testkit.AwsEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every environment variable the code reads is declared in template.yaml for the functions that
 * read it, and every handler builds and primes (SnapStart) while AWS is unreachable, as it must
 * when Lambda snapshots it.
 */
class FunctionEnvironmentGuardTest {

    private static final Pattern VARIABLE = Pattern.compile("\"((?:AGENTAUTH|AWS|POWERTOOLS)_[A-Z0-9_]+)\"");
    /** Nothing listens on the discard port: every AWS call fails fast. */
    private static final AwsEndpoint UNREACHABLE = AwsEndpoint.of(URI.create("http://127.0.0.1:9"), "unreachable");

    private static final Path ROOT = ProjectRoot.find();
    private static final Template TEMPLATE = Template.load(ROOT.resolve("template.yaml"));

    static Stream<String> functions() {
        return TEMPLATE.functions().stream().map(FunctionDefinition::logicalId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handlerBuildsAndPrimesWithAwsUnreachableReadingOnlyDeclaredVariables(String functionId) {
        FunctionDefinition function = TEMPLATE.function(functionId).orElseThrow();
        Resolver resolver = new Resolver(TEMPLATE, EmulatorResources.pseudoParameters("guard", UNREACHABLE.region()),
                Map.of("JwtIssuer", "http://127.0.0.1/_local", "JwtAudience", "agentauth-local"), id -> null, att -> null);
        Map<String, String> environment = LambdaEnvironment.of(function, resolver, UNREACHABLE, "guard-" + functionId);
        Set<String> reads = ConcurrentHashMap.newKeySet();

        int hooks;
        try (LocalFunction local = LocalFunction.load(function, FunctionArtifact.of(ROOT, function.codeUri()),
                "guard-" + functionId, environment, reads::add)) {
            hooks = local.prime();
        }

        assertTrue(hooks >= 1, functionId + " registers no SnapStart priming hook (Priming.register(this))");
        Set<String> undeclared = new TreeSet<>(reads);
        undeclared.removeAll(function.environment().keySet());
        undeclared.removeAll(LambdaEnvironment.PROVIDED_BY_LAMBDA);
        undeclared.removeAll(LambdaEnvironment.EMULATOR_ONLY);
        assertEquals(Set.of(), undeclared, functionId + " reads variables its template block does not declare");
    }

    @Test
    void everyVariableNamedInTheCodeIsDeclaredInTheTemplate() throws IOException {
        Set<String> declared = new HashSet<>(TEMPLATE.functions().stream().flatMap(f -> f.environment().keySet().stream()).toList());
        declared.addAll(LambdaEnvironment.PROVIDED_BY_LAMBDA);
        declared.addAll(LambdaEnvironment.EMULATOR_ONLY);
        Set<String> named = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Stream.concat(Files.walk(ROOT.resolve("shared/src/main/java")), Files.walk(ROOT.resolve("functions")))) {
            sources = files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/main/java")).toList();
        }
        sources.forEach(source -> {
            try {
                Matcher matcher = VARIABLE.matcher(Files.readString(source));
                while (matcher.find()) named.add(matcher.group(1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertTrue(named.contains("AGENTAUTH_TABLE_NAME"), "the scan found the configuration module: " + named);
        named.removeAll(declared);
        assertEquals(Set.of(), named, "variables named in the code but declared for no function in template.yaml");
    }
}
