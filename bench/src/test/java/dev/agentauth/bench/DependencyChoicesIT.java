package dev.agentauth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every variant of section "Dependency choices" resolves its classpath and answers twice from a fresh JVM against moto. */
class DependencyChoicesIT {

    private static final Map<String, String> HTTP_CLIENTS = Map.of(
            "http-url-connection", "UrlConnection", "http-apache", "Apache", "http-crt", "AwsCommonRuntime");

    @Test
    void everyVariantResolvesItsClasspathAndAnswersAgainstMoto() throws Exception {
        Path root = ProjectRoot.find();
        Template template = Template.load(root.resolve("template.yaml"));
        Path work = root.resolve("bench/target/choices-it");
        Files.createDirectories(work);
        BenchJars jars = BenchJars.build(work.resolve("jars"));
        try (Emulator emulator = Emulator.start(template)) {
            Map<String, String> environment = emulator.environment(template, template.functions().getFirst());
            emulator.seedFloor(environment);
            DependencyChoices choices = new DependencyChoices(root, jars, emulator, environment, work);
            for (ChoiceVariant variant : ChoiceVariant.all()) {
                List<Path> classpath = variant.classpath(root);
                assertTrue(classpath.stream().allMatch(Files::exists), variant.module() + ": " + classpath);

                ChildJvm.Result result = choices.run(variant, "invoke", choices.operationsEvent(3), 2, false);

                assertEquals("200", result.values().get("status-0"), () -> variant.module() + ": " + result.failure());
                assertEquals("200", result.values().get("status-1"), () -> variant.module() + ": " + result.failure());
                if (HTTP_CLIENTS.containsKey(variant.module())) {
                    String body = result.values().get("body-0");
                    assertTrue(body.contains(HTTP_CLIENTS.get(variant.module())), variant.module() + " answered with another client: " + body);
                    assertTrue(body.contains("found\\\":true"), variant.module() + " did not read the seeded item: " + body);
                }
                if (variant.choice() == ChoiceVariant.Choice.VAULT) {
                    assertTrue(result.values().get("body-0").contains("operations\\\":3"), variant.module() + ": " + result.values().get("body-0"));
                }
            }
        }
    }
}
