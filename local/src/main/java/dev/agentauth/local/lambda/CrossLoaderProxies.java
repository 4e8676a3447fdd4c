package dev.agentauth.local.lambda;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Objects handed to a function across the class-loader boundary. The function sees its own copy
 * of {@code dev.agentauth.config.Environment} and of the Lambda {@code Context} interfaces, so
 * the runtime implements them with dynamic proxies of the function loader's interfaces; only
 * JDK types ({@code String}, {@code Optional}) cross the boundary.
 */
final class CrossLoaderProxies {

    static final String ENVIRONMENT = "dev.agentauth.config.Environment";
    static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    static final String LOGGER = "com.amazonaws.services.lambda.runtime.LambdaLogger";

    private CrossLoaderProxies() {}

    /** The function's {@code Environment}: {@code get(name)} answers from {@code values} and reports each read. */
    static Object environment(ClassLoader loader, Map<String, String> values, Consumer<String> reads) throws ClassNotFoundException {
        Class<?> type = Class.forName(ENVIRONMENT, false, loader);
        return proxy(loader, type, (method, args) -> {
            if (method.getName().equals("get") && args != null && args.length == 1) {
                String name = String.valueOf(args[0]);
                reads.accept(name);
                return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
            }
            return Unhandled.INSTANCE;
        }, "Environment" + values.keySet());
    }

    /** A Lambda {@code Context} for one invocation. */
    static Object context(ClassLoader loader, InvocationContext invocation) throws ClassNotFoundException {
        Class<?> type = Class.forName(CONTEXT, false, loader);
        Class<?> loggerType = Class.forName(LOGGER, false, loader);
        Object logger = proxy(loader, loggerType, (method, args) -> {
            if (method.getName().equals("log") && args != null && args.length >= 1) {
                if (args[0] instanceof byte[] bytes) System.out.write(bytes, 0, bytes.length);
                else System.out.print(args[0]);
                System.out.flush();
                return null;
            }
            return Unhandled.INSTANCE;
        }, "LambdaLogger");
        return proxy(loader, type, (method, args) -> switch (method.getName()) {
            case "getAwsRequestId" -> invocation.requestId();
            case "getLogGroupName" -> "/aws/lambda/" + invocation.functionName();
            case "getLogStreamName" -> "local";
            case "getFunctionName" -> invocation.functionName();
            case "getFunctionVersion" -> "$LATEST";
            case "getInvokedFunctionArn" -> invocation.functionArn();
            case "getIdentity", "getClientContext" -> null;
            case "getRemainingTimeInMillis" -> (int) Math.max(0, invocation.deadlineMillis() - System.currentTimeMillis());
            case "getMemoryLimitInMB" -> invocation.memoryMb();
            case "getLogger" -> logger;
            case "getTenantId", "getXrayTraceId" -> null;
            default -> Unhandled.INSTANCE;
        }, "Context[" + invocation.requestId() + "]");
    }

    /** Facts about one invocation that its Context reports. */
    record InvocationContext(String requestId, String functionName, String functionArn, long deadlineMillis, int memoryMb) {}

    private interface Answer {
        Object answer(Method method, Object[] args) throws Throwable;
    }

    private enum Unhandled { INSTANCE }

    private static Object proxy(ClassLoader loader, Class<?> type, Answer answer, String description) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> description;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            Object result = answer.answer(method, args);
            if (result != Unhandled.INSTANCE) return result;
            if (method.isDefault()) return InvocationHandler.invokeDefault(proxy, method, args);
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " is not emulated locally");
        };
        return Proxy.newProxyInstance(loader, new Class<?>[] {type}, handler);
    }
}
