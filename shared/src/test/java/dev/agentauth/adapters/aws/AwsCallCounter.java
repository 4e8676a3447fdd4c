package dev.agentauth.adapters.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts AWS calls per service and operation, per thread, for every SDK client in the test JVM
 * (registered globally through {@code software/amazon/awssdk/global/handlers/execution.interceptors}).
 * Tests wrap one operation in {@link #record} and assert on the calls it made.
 */
public final class AwsCallCounter implements ExecutionInterceptor {

    private static final Map<Long, Map<String, AtomicInteger>> BY_THREAD = new ConcurrentHashMap<>();
    /** Calls from every thread, for operations that fan out to a pool (the scheduled refresher). */
    private static final Map<String, AtomicInteger> ALL_THREADS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        BY_THREAD.computeIfAbsent(Thread.currentThread().threadId(), t -> new ConcurrentHashMap<>())
                .computeIfAbsent(service + ":" + operation, k -> new AtomicInteger())
                .incrementAndGet();
        ALL_THREADS.computeIfAbsent(service + ":" + operation, k -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * Runs {@code action} and answers the AWS calls every thread made meanwhile (including a
     * pool the action fans out to); only for tests that run nothing else concurrently.
     */
    public static synchronized <T> Recorded<T> recordAllThreads(Supplier<T> action) {
        ALL_THREADS.clear();
        T result = action.get();
        Map<String, Integer> snapshot = new TreeMap<>();
        ALL_THREADS.forEach((k, v) -> snapshot.put(k, v.get()));
        return new Recorded<>(result, new Calls(snapshot));
    }

    /** Runs {@code action} and answers its result with the AWS calls this thread made meanwhile. */
    public static <T> Recorded<T> record(Supplier<T> action) {
        long thread = Thread.currentThread().threadId();
        BY_THREAD.remove(thread);
        T result = action.get();
        Map<String, AtomicInteger> counts = BY_THREAD.remove(thread);
        Map<String, Integer> snapshot = new TreeMap<>();
        if (counts != null) counts.forEach((k, v) -> snapshot.put(k, v.get()));
        return new Recorded<>(result, new Calls(snapshot));
    }

    public record Recorded<T>(T result, Calls calls) {}

    /** Calls by {@code Service:Operation}, e.g. {@code DynamoDb:GetItem}. */
    public record Calls(Map<String, Integer> byOperation) {

        /** Calls to a service: its SDK service name, e.g. {@code DynamoDb}, {@code SecretsManager}, {@code Kms}. */
        public int to(String service) {
            return byOperation.entrySet().stream().filter(e -> e.getKey().startsWith(service + ":"))
                    .mapToInt(Map.Entry::getValue).sum();
        }

        public int of(String service, String operation) {
            return byOperation.getOrDefault(service + ":" + operation, 0);
        }

        public int total() {
            return byOperation.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
