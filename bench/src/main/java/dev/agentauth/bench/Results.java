package dev.agentauth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The raw numbers of one bench run (also written as JSON). */
final class Results {

    record Artifact(long zipBytes, long unpackedBytes, Map<String, Long> jarBytes) {}

    record CallCount(Map<String, Integer> calls, double rru, double wru, int events) {
        static CallCount parse(String json) {
            JsonNode node = Json.parse(json);
            Map<String, Integer> calls = new TreeMap<>();
            node.path("calls").fields().forEachRemaining(e -> calls.put(e.getKey(), e.getValue().asInt()));
            return new CallCount(calls, node.path("rru").asDouble(), node.path("wru").asDouble(), node.path("events").asInt());
        }

        int total() {
            return calls.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The calls as the SDK floor's spec: each call repeated as often as it was made. */
        String floorSpec() {
            List<String> spec = new ArrayList<>();
            calls.forEach((call, n) -> {
                for (int i = 0; i < n; i++) spec.add(call);
            });
            return String.join(",", spec);
        }

        String describe() {
            if (calls.isEmpty()) return "none";
            StringBuilder out = new StringBuilder();
            calls.forEach((call, n) -> out.append(out.isEmpty() ? "" : ", ").append(n).append("× ").append(call));
            return out.toString();
        }
    }

    record ClassLoads(int total, int fromArtifact, Map<String, Integer> bySource) {}

    static final class FunctionResult {
        final Template.Function function;
        Artifact artifact;
        String eventSource;
        boolean primingEvent;
        CallCount first;
        CallCount second;
        String status;
        final List<Double> coldMs = new ArrayList<>();
        final List<Double> initMs = new ArrayList<>();
        final List<Double> firstMs = new ArrayList<>();
        final List<Double> secondMs = new ArrayList<>();
        final List<Double> primedFirstMs = new ArrayList<>();
        final List<Double> primeMs = new ArrayList<>();
        ClassLoads classes;
        Stats warm;
        final List<String> errors = new ArrayList<>();

        FunctionResult(Template.Function function) {
            this.function = function;
        }

        boolean measured() {
            return !coldMs.isEmpty();
        }
    }

    static final class Floor {
        final String name;
        final String spec;
        final List<Double> coldMs = new ArrayList<>();
        ClassLoads classes;
        Stats warm;
        final List<String> errors = new ArrayList<>();

        Floor(String name, String spec) {
            this.name = name;
            this.spec = spec;
        }
    }

    final Map<String, Object> machine = new LinkedHashMap<>();
    final List<FunctionResult> functions = new ArrayList<>();
    Floor jvmFloor;
    final Map<String, Floor> sdkFloors = new LinkedHashMap<>();
    final Map<String, Floor> warmFloors = new LinkedHashMap<>();
    /** Section "Dependency choices"; null when the run skipped it (--no-choices). */
    ChoiceResults choices;
    /** Section 3b; skipped when the run says --no-http. */
    WarmHttpResults http;
    double elapsedSeconds;
    /** Section 4; null when skipped (--no-refresher). */
    RefresherResult refresher;
}
