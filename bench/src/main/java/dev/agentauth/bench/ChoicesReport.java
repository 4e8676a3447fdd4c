package dev.agentauth.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Section "Dependency choices" of latest.md and its raw numbers in latest.json. */
final class ChoicesReport {

    private ChoicesReport() {}

    static void section(StringBuilder md, ChoiceResults choices) {
        md.append("## 5. Dependency choices\n\n");
        if (choices == null) {
            md.append("not measured in this run (`--no-choices`).\n\n");
            return;
        }
        md.append("Each variant is a tiny Lambda-style handler in its own module under `bench/variants/` (one JSON log line and one EMF ")
                .append("metric; one seal and open of a token; one DynamoDB GetItem), run from that module's classes and its resolved runtime ")
                .append("classpath plus the launcher jar, with the functions' JVM flags and environment, against the same moto, in this run. ")
                .append("Cold start over ").append(choices.runs).append(" fresh JVMs per variant (rounds interleaved), median (min–max); ")
                .append("init = the handler's constructor; first and second request = the cold instance's first two invocations; ")
                .append("warm = an in-process loop (at most ").append(DependencyChoices.WARM_BUDGET_MS).append(" ms after a warm-up; n samples); classes = loaded by a cold start and one request, outside the JDK ")
                .append("(launcher excluded); classpath MB = the jars plus the handler's own classes. × ours = cold-start median over ours. ")
                .append("The section took ").append(Math.round(choices.elapsedSeconds)).append(" s.\n\n");
        for (ChoiceVariant.Choice choice : ChoiceVariant.Choice.values()) {
            List<ChoiceResults.VariantResult> group = choices.variants.stream().filter(v -> v.variant.choice() == choice).toList();
            if (group.isEmpty()) continue;
            ChoiceResults.VariantResult ours = group.stream().filter(v -> v.variant.ours()).findFirst().orElse(group.getFirst());
            md.append("### ").append(choice.title).append("\n\n");
            md.append("| Variant | Cold start ms, median (min–max) | × ours | Init ms | First request ms | Second request ms | Warm p50 / p99 ms (n) | Classes loaded (outside JDK) | Classpath MB | Jars not in ours (largest) |");
            if (choice != ChoiceVariant.Choice.METRICS) md.append(" AWS calls, cold instance / warm instance |");
            md.append("\n|---|---|---|---|---|---|---|---|---|---|").append(choice != ChoiceVariant.Choice.METRICS ? "---|" : "").append("\n");
            for (ChoiceResults.VariantResult r : group) {
                Stats cold = Stats.of(r.coldMs);
                md.append("| ").append(r.variant.label()).append(" | ").append(range(cold))
                        .append(" | ").append(ratio(cold, Stats.of(ours.coldMs)))
                        .append(" | ").append(Report.fmt(Stats.of(r.initMs).median(), 0))
                        .append(" | ").append(Report.fmt(Stats.of(r.firstMs).median(), 1))
                        .append(" | ").append(Report.fmt(Stats.of(r.secondMs).median(), 2))
                        .append(" | ").append(r.warm == null ? "–" : Report.fmt(r.warm.p50(), 3) + " / " + Report.fmt(r.warm.p99(), 3) + " (" + r.warm.n() + ")")
                        .append(" | ").append(r.classes == null ? "–" : r.classes.total() + " (" + r.classes.fromArtifact() + ")")
                        .append(" | ").append(Report.fmt(r.totalBytes() / (1024.0 * 1024.0), 2))
                        .append(" | ").append(r == ours ? "–" : added(r, ours));
                if (choice != ChoiceVariant.Choice.METRICS) {
                    md.append(" | ").append(r.callsFirst == null ? "–" : r.callsFirst.describe() + " / " + r.callsSecond.describe());
                }
                md.append(" |\n");
            }
            md.append("\n").append(notes(choice, choices, group)).append("\n\n");
        }
        List<String> problems = new ArrayList<>();
        for (ChoiceResults.VariantResult r : choices.variants) {
            r.errors.forEach(e -> problems.add(r.variant.module() + ": " + (e == null ? "" : e.replace('\n', ' ').replace('|', '/'))));
        }
        if (!problems.isEmpty()) {
            md.append("Problems in this section:\n\n");
            problems.forEach(p -> md.append("- ").append(p.length() > 400 ? p.substring(0, 400) + "…" : p).append("\n"));
            md.append("\n");
        }
    }

    private static String notes(ChoiceVariant.Choice choice, ChoiceResults choices, List<ChoiceResults.VariantResult> group) {
        return switch (choice) {
            case METRICS -> "All three write the same two lines per request (a JSON log line with the request id, an EMF line with a "
                    + "Requests count). The woven variant is compiled by ajc 1.9.27 (aspectj-maven-plugin 1.14.1, Java 25 class files) with "
                    + "Powertools' logging and metrics aspects; `@Logging` needs a Powertools logging backend, and log4j2 is the one the "
                    + "registry here serves (the logback backend is not), so it carries log4j2 as the functions did before decision 1.";
            case VAULT -> "AWS calls are those of one invocation making " + choices.vaultOperations + " operations (seal then open) on a fresh "
                    + "instance, then the next " + choices.vaultOperations + " on the same instance: 10 connections, the field alternating "
                    + "every ten operations. Same safety: both bind tenant, connection and account in the KMS encryption context and "
                    + "authenticate the field too (ours: GCM AAD; Encryption SDK: its header, checked after decryption), AES-256-GCM, no "
                    + "signature (the Encryption SDK's default suite adds ECDSA P-384 signing; the committing suite without it is used). "
                    + "Both cache data keys for at most 100 messages and 5 minutes. The Encryption SDK's context is one unit, so the field "
                    + "is part of what KMS sees and each (owner, field) pair needs its own data key; ours shares one data key per owner "
                    + "and, having generated it, can open what it sealed without a Decrypt call. In 3.x the cache is the legacy caching "
                    + "materials manager over a KMS master key provider (the keyring API caches only through the hierarchical keyring, "
                    + "which needs a DynamoDB key store). The Encryption SDK's HTTP stacks (Apache 5, Netty, pulled in by the material "
                    + "providers' DynamoDB dependency) are excluded as in the functions; the DynamoDB client itself stays.";
            case HTTP -> "The handler finds the one SDK HTTP client on its classpath as the SDK does (service loader) and returns its name: "
                    + clients(group) + ". aws-crt-client loads its native library (linux x86_64, bundled in aws-crt) into a temporary "
                    + "directory at first use. Outbound calls to OAuth providers do not use an SDK client at all: they use the JDK's "
                    + "`java.net.http.HttpClient` (dev.agentauth.outbound.JdkProviderHttp), so this choice is about AWS calls only.";
        };
    }

    private static String clients(List<ChoiceResults.VariantResult> group) {
        List<String> names = new ArrayList<>();
        for (ChoiceResults.VariantResult r : group) {
            String client = r.body == null ? "not measured" : r.body.replaceAll(".*client\\\\?\"\\s*:\\s*\\\\?\"([A-Za-z0-9]+).*", "$1");
            names.add(r.variant.module() + " answered with " + client);
        }
        return String.join(", ", names);
    }

    /** The jars this variant carries that ours does not, largest first (at most four), and the bytes they add. */
    private static String added(ChoiceResults.VariantResult r, ChoiceResults.VariantResult ours) {
        if (r.classpathBytes == null || ours.classpathBytes == null) return "–";
        Set<String> oursJars = ours.classpathBytes.keySet();
        List<Map.Entry<String, Long>> extra = new ArrayList<>(r.classpathBytes.entrySet().stream()
                .filter(e -> !oursJars.contains(e.getKey())).toList());
        extra.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        StringBuilder out = new StringBuilder();
        out.append(r.totalBytes() >= ours.totalBytes() ? "+" : "").append(Report.fmt((r.totalBytes() - ours.totalBytes()) / (1024.0 * 1024.0), 2)).append(" MB");
        for (int i = 0; i < Math.min(4, extra.size()); i++) {
            out.append(i == 0 ? ": " : ", ").append(extra.get(i).getKey().replace(".jar", "")).append(' ').append(extra.get(i).getValue() / 1024).append(" KB");
        }
        if (extra.size() > 4) out.append(", … (").append(extra.size()).append(" jars)");
        return out.toString();
    }

    static Object json(ChoiceResults choices) {
        if (choices == null) return "not measured (--no-choices)";
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("runs", choices.runs);
        root.put("vault_operations_per_counted_invocation", choices.vaultOperations);
        root.put("elapsed_seconds", choices.elapsedSeconds);
        List<Map<String, Object>> variants = new ArrayList<>();
        for (ChoiceResults.VariantResult r : choices.variants) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("choice", r.variant.choice().name().toLowerCase(java.util.Locale.ROOT));
            v.put("module", "bench/variants/" + r.variant.module());
            v.put("label", r.variant.label());
            v.put("ours", r.variant.ours());
            v.put("handler", r.variant.handlerClass());
            v.put("status", r.status);
            v.put("classpath_bytes", r.totalBytes());
            v.put("classpath", r.classpathBytes);
            v.put("cold_ms", r.coldMs);
            v.put("cold", r.coldMs.isEmpty() ? null : Stats.of(r.coldMs));
            v.put("init_ms", r.initMs);
            v.put("first_ms", r.firstMs);
            v.put("second_ms", r.secondMs);
            v.put("classes", r.classes);
            v.put("warm_ms", r.warm);
            v.put("calls_cold_instance", r.callsFirst);
            v.put("calls_warm_instance", r.callsSecond);
            v.put("body", r.body);
            v.put("errors", r.errors);
            variants.add(v);
        }
        root.put("variants", variants);
        return root;
    }

    private static String range(Stats s) {
        if (s.n() == 0) return "not measured";
        return Report.fmt(s.median(), 0) + " (" + Report.fmt(s.min(), 0) + "–" + Report.fmt(s.max(), 0) + ")";
    }

    private static String ratio(Stats value, Stats ours) {
        if (value.n() == 0 || ours.n() == 0) return "–";
        return Report.fmt(value.median() / ours.median(), 2);
    }
}
