package dev.agentauth.functions.accounts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every AWS call the SDK makes in this test JVM, per "Service.Operation" (registered as
 * a global interceptor through the SDK's classpath file), so tests can assert which calls a
 * request made against the real clients.
 */
public final class AwsCallCounter implements ExecutionInterceptor {

    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
    }

    static Map<String, Integer> snapshot() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        CALLS.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Calls made since {@code before}, operations with zero omitted. */
    static Map<String, Integer> since(Map<String, Integer> before) {
        Map<String, Integer> diff = new java.util.TreeMap<>();
        snapshot().forEach((k, v) -> {
            int delta = v - before.getOrDefault(k, 0);
            if (delta != 0) diff.put(k, delta);
        });
        return diff;
    }
}
