package dev.agentauth.adapters.aws;

import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Makes each DynamoDB request atomic on the emulator, as it is in DynamoDB. moto serves requests
 * on several threads without a lock, and cancels a failed TransactWriteItems by restoring a copy of
 * the whole table taken before it ran, which erases writes other requests made meanwhile. Tests
 * with concurrent writers would then see lost updates that DynamoDB never produces. This
 * interceptor (registered globally for tests) lets one DynamoDB request of this JVM run at a time;
 * the application's own read-modify-write races between requests are untouched.
 */
public final class EmulatorAtomicity implements ExecutionInterceptor {

    private static final ReentrantLock LOCK = new ReentrantLock(true);
    private static final ExecutionAttribute<Boolean> HELD = new ExecutionAttribute<>("agentauth.emulatorAtomicity");

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!"DynamoDb".equals(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) return;
        LOCK.lock();
        attributes.putAttribute(HELD, Boolean.TRUE);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    private static void release(ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(HELD))) {
            attributes.putAttribute(HELD, Boolean.FALSE);
            LOCK.unlock();
        }
    }
}
