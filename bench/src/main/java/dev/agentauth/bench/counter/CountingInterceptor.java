package dev.agentauth.bench.counter;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * A global SDK interceptor (registered by the counter jar's
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}): every AWS call any
 * client in the JVM makes is counted once, after it executed, whatever its outcome, with the
 * time it took (retries included).
 */
public final class CountingInterceptor implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("BenchCallStarted");

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    private static long elapsed(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        return started == null ? 0 : System.nanoTime() - started;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CallCounter.record(service + "." + operation, elapsed(attributes));
        if ("dynamodb".equalsIgnoreCase(service)) {
            DynamoDbUnits.record(context.request(), context.response());
        } else if ("eventbridge".equalsIgnoreCase(service) && "PutEvents".equals(operation)) {
            EventEntries.record(context.request());
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CallCounter.record(service + "." + operation, elapsed(attributes));
        if ("dynamodb".equalsIgnoreCase(service)) {
            // a failed conditional write still consumes write units; a failed read, read units
            DynamoDbUnits.recordFailure(context.request());
        }
    }
}
