package dev.agentauth.bench.counter;

import java.util.Map;
import java.util.TreeMap;

/**
 * AWS calls made in this JVM since the last reset, by {@code Service.Operation}, with the
 * DynamoDB request units they consumed (estimated from item sizes, see {@link DynamoDbUnits})
 * and the time spent in them (summed over threads).
 * Lives in the counter jar, which only counting runs put on the classpath.
 */
public final class CallCounter {

    private static final Map<String, Integer> CALLS = new TreeMap<>();
    private static final Map<String, Long> NANOS = new TreeMap<>();
    private static double readUnits;
    private static double writeUnits;
    private static int eventEntries;

    private CallCounter() {}

    public static synchronized void reset() {
        CALLS.clear();
        NANOS.clear();
        readUnits = 0;
        writeUnits = 0;
        eventEntries = 0;
    }

    static synchronized void record(String call, long nanos) {
        CALLS.merge(call, 1, Integer::sum);
        NANOS.merge(call, nanos, Long::sum);
    }

    static synchronized void units(double read, double write) {
        readUnits += read;
        writeUnits += write;
    }

    static synchronized void events(int entries) {
        eventEntries += entries;
    }

    /** One line of JSON: {"calls":{"DynamoDB.GetItem":1},"rru":0.5,"wru":0,"events":0,"ms":{"DynamoDB.GetItem":3.2}}. */
    public static synchronized String snapshot() {
        StringBuilder out = new StringBuilder("{\"calls\":{");
        boolean first = true;
        for (Map.Entry<String, Integer> e : CALLS.entrySet()) {
            if (!first) out.append(',');
            out.append('"').append(e.getKey()).append("\":").append(e.getValue());
            first = false;
        }
        out.append("},\"rru\":").append(readUnits).append(",\"wru\":").append(writeUnits)
                .append(",\"events\":").append(eventEntries).append(",\"ms\":{");
        first = true;
        for (Map.Entry<String, Long> e : NANOS.entrySet()) {
            if (!first) out.append(',');
            out.append('"').append(e.getKey()).append("\":").append(e.getValue() / 1_000_000.0);
            first = false;
        }
        out.append("}}");
        return out.toString();
    }
}
