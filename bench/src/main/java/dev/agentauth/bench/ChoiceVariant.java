package dev.agentauth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One variant of a dependency choice: a tiny Lambda-style handler in its own module under
 * bench/variants, run on that module's classes plus its resolved runtime classpath
 * ({@code target/classpath.txt}, written by the build), so each variant carries exactly the
 * jars its choice brings.
 */
record ChoiceVariant(Choice choice, String module, String label, boolean ours, boolean floor, String handlerClass) {

    enum Choice {
        METRICS("Metrics and logging: Powertools with and without AspectJ"),
        VAULT("Envelope encryption: our vault against the AWS Encryption SDK"),
        HTTP("SDK HTTP client for one DynamoDB GetItem");

        final String title;

        Choice(String title) {
            this.title = title;
        }
    }

    static final String GET_ITEM = "dev.agentauth.bench.variants.GetItemHandler";

    static List<ChoiceVariant> all() {
        return List.of(
                new ChoiceVariant(Choice.METRICS, "metrics-by-hand", "no Powertools: EMF and log line written by hand (floor)", false, true,
                        "dev.agentauth.bench.variants.EmfByHandHandler"),
                new ChoiceVariant(Choice.METRICS, "metrics-functional", "Powertools metrics, functional API, our JSON logger, no AspectJ (ours)", true, false,
                        "dev.agentauth.bench.variants.FunctionalMetricsHandler"),
                new ChoiceVariant(Choice.METRICS, "metrics-aspectj", "Powertools @Logging + @FlushMetrics woven by AspectJ, log4j2", false, false,
                        "dev.agentauth.bench.variants.WovenPowertoolsHandler"),
                new ChoiceVariant(Choice.VAULT, "vault-envelope", "our vault: KMS data key + AES-256-GCM, context as AAD, data-key cache (ours)", true, false,
                        "dev.agentauth.adapters.kms.EnvelopeVaultBenchHandler"),
                new ChoiceVariant(Choice.VAULT, "vault-esdk", "AWS Encryption SDK 3.0.2, caching CMM, committing suite without signature", false, false,
                        "dev.agentauth.bench.variants.EncryptionSdkHandler"),
                new ChoiceVariant(Choice.HTTP, "http-url-connection", "url-connection-client (ours)", true, false, GET_ITEM),
                new ChoiceVariant(Choice.HTTP, "http-apache", "apache-client (Apache HttpClient 4.5)", false, false, GET_ITEM),
                new ChoiceVariant(Choice.HTTP, "http-crt", "aws-crt-client (native CRT)", false, false, GET_ITEM));
    }

    Path directory(Path root) {
        return root.resolve("bench/variants").resolve(module);
    }

    /** The module's classes directory (if it has classes), then every jar of its runtime classpath. */
    List<Path> classpath(Path root) throws IOException {
        Path classes = directory(root).resolve("target/classes");
        Path listing = directory(root).resolve("target/classpath.txt");
        if (!Files.exists(listing)) {
            throw new IllegalStateException("variant " + module + " is not built (no " + root.relativize(listing) + "): run ./dev build");
        }
        List<Path> classpath = new ArrayList<>();
        // a module that only picks another module's handler with other jars (http-apache, http-crt) has no classes of its own
        if (Files.isDirectory(classes)) classpath.add(classes);
        for (String entry : Files.readString(listing).strip().split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) continue;
            Path jar = Path.of(entry);
            if (!Files.exists(jar)) throw new IllegalStateException("variant " + module + ": " + jar + " is missing");
            classpath.add(jar);
        }
        return classpath;
    }

    /** Bytes on the classpath by entry: each jar, and the module's own classes as "(handler classes)". */
    Map<String, Long> bytesByEntry(Path root) throws IOException {
        Map<String, Long> bytes = new TreeMap<>();
        for (Path entry : classpath(root)) {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    bytes.put("(handler classes)", files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum());
                }
            } else {
                bytes.put(entry.getFileName().toString(), Files.size(entry));
            }
        }
        return bytes;
    }
}
