package dev.agentauth.adapters.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts AWS calls at the SDK, for every client in the JVM: registered as a global execution
 * interceptor (software/amazon/awssdk/global/handlers/execution.interceptors in this test-jar).
 * Keys are {@code Service.Operation}, e.g. {@code DynamoDB.Query}. One logical call counts once,
 * whatever the SDK's retries did.
 */
public final class AwsCallCounter implements ExecutionInterceptor {

    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(service + "." + operation, k -> new AtomicInteger()).incrementAndGet();
    }

    public static void reset() {
        CALLS.clear();
    }

    /** Calls since the last reset, by {@code Service.Operation}. */
    public static Map<String, Integer> calls() {
        Map<String, Integer> copy = new TreeMap<>();
        CALLS.forEach((name, count) -> copy.put(name, count.get()));
        return copy;
    }

    public static int total() {
        return CALLS.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public static int count(String serviceOperation) {
        AtomicInteger count = CALLS.get(serviceOperation);
        return count == null ? 0 : count.get();
    }
}
