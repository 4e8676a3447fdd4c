package dev.agentauth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The raw numbers of section "Dependency choices": one entry per variant, measured in the same run. */
final class ChoiceResults {

    static final class VariantResult {
        final ChoiceVariant variant;
        Map<String, Long> classpathBytes;
        final List<Double> coldMs = new ArrayList<>();
        final List<Double> initMs = new ArrayList<>();
        final List<Double> firstMs = new ArrayList<>();
        final List<Double> secondMs = new ArrayList<>();
        Results.ClassLoads classes;
        Stats warm;
        /** AWS calls of the counting run: the first invocation on a cold instance, then the next on the same instance. */
        Results.CallCount callsFirst;
        Results.CallCount callsSecond;
        /** The counting run's response body (the HTTP variants name the client that answered). */
        String body;
        String status;
        final List<String> errors = new ArrayList<>();

        VariantResult(ChoiceVariant variant) {
            this.variant = variant;
        }

        long totalBytes() {
            return classpathBytes == null ? 0 : classpathBytes.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    final List<VariantResult> variants = new ArrayList<>();
    int runs;
    /** Operations per invocation in the vault variants' counting run. */
    int vaultOperations;
    double elapsedSeconds;
}
