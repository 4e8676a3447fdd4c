package dev.agentauth.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.agentauth.json.Json;
import dev.agentauth.local.lambda.FunctionFailedException;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.MotoServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./dev invoke <FunctionLogicalId> events/<file>.json}: {@code sam local invoke} without
 * Docker. Deploys template.yaml into the emulator, invokes the function once with the event and
 * prints its response JSON on stdout (the function's logs go to stderr). Exit status 1 when the
 * function failed.
 */
public final class InvokeCommand {

    private InvokeCommand() {}

    public static void main(String[] args) throws IOException {
        Path root = null;
        String functionId = null;
        Path eventFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--root")) root = Path.of(args[++i]).toAbsolutePath();
            else if (functionId == null) functionId = args[i];
            else if (eventFile == null) eventFile = Path.of(args[i]);
            else throw new IllegalArgumentException("usage: InvokeCommand [--root <dir>] <FunctionLogicalId> <event.json>");
        }
        if (functionId == null || eventFile == null) {
            throw new IllegalArgumentException("usage: InvokeCommand [--root <dir>] <FunctionLogicalId> <event.json>");
        }
        if (root == null) root = ProjectRoot.find();
        Path event = eventFile.isAbsolute() || Files.exists(eventFile) ? eventFile : root.resolve(eventFile);
        byte[] payload = Files.readAllBytes(event);

        PrintStream stdout = System.out;
        // the function logs to stdout as in Lambda; keep stdout for the response alone
        System.setOut(System.err);
        int status = 0;
        String output;
        MotoServer moto = null;
        try {
            AwsEndpoint endpoint;
            String configured = System.getenv("AWS_ENDPOINT_URL");
            if (configured != null && !configured.isBlank()) {
                endpoint = AwsEndpoint.of(URI.create(configured), "AWS_ENDPOINT_URL");
            } else {
                moto = MotoServer.start();
                endpoint = moto.endpoint();
            }
            try (LocalDeployment deployment = LocalDeployment.deploy(root, endpoint, "agentauth-local",
                    Map.of("JwtIssuer", "http://127.0.0.1/_local", "JwtAudience", LocalRuntime.AUDIENCE))) {
                output = pretty(deployment.function(functionId).invoke(payload));
            } catch (FunctionFailedException e) {
                RuntimeLog.error(functionId + " failed", e.getCause());
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("errorType", e.getCause().getClass().getName());
                error.put("errorMessage", String.valueOf(e.getCause().getMessage()));
                output = Json.write(error);
                status = 1;
            }
        } finally {
            System.setOut(stdout);
            if (moto != null) moto.close();
        }
        stdout.println(output);
        stdout.flush();
        System.exit(status);
    }

    private static String pretty(byte[] response) {
        String text = new String(response, StandardCharsets.UTF_8);
        try {
            JsonNode node = Json.parse(text);
            return Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (Json.MalformedJsonException | JsonProcessingException notJson) {
            return text;
        }
    }
}
