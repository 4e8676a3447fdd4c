package dev.agentauth.bench.launcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Invokes a {@link RequestHandler} the way the Lambda runtime does: the event deserialised into
 * the handler's input type, the result serialised back. Uses the function's own Jackson (from
 * its artifact) through reflection, so the launcher stays free of dependencies.
 */
final class PojoInvoker implements Launcher.Invoker {

    private final RequestHandler<Object, Object> handler;
    private final Type inputType;
    private final Object mapper;
    private final Method readValue;
    private final Method writeValueAsBytes;
    private final Method constructType;

    @SuppressWarnings("unchecked")
    private PojoInvoker(Object handler) throws ReflectiveOperationException {
        this.handler = (RequestHandler<Object, Object>) handler;
        this.inputType = inputType(handler.getClass());
        Class<?> mapperClass = Class.forName("com.fasterxml.jackson.databind.ObjectMapper");
        this.mapper = mapperClass.getConstructor().newInstance();
        Class<?> javaType = Class.forName("com.fasterxml.jackson.databind.JavaType");
        this.constructType = mapperClass.getMethod("constructType", Type.class);
        this.readValue = mapperClass.getMethod("readValue", byte[].class, javaType);
        this.writeValueAsBytes = mapperClass.getMethod("writeValueAsBytes", Object.class);
    }

    static Launcher.Invoker of(Object handler) {
        if (!(handler instanceof RequestHandler<?, ?>)) {
            throw new IllegalArgumentException(handler.getClass() + " is neither a RequestStreamHandler nor a RequestHandler");
        }
        try {
            return new PojoInvoker(handler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a RequestHandler needs Jackson in its artifact to be invoked here", e);
        }
    }

    @Override
    public byte[] invoke(byte[] event) throws Exception {
        Object input = inputType == String.class ? new String(event, StandardCharsets.UTF_8)
                : readValue.invoke(mapper, event, constructType.invoke(mapper, inputType));
        Context context = new BenchContext();
        Object output = handler.handleRequest(input, context);
        return (byte[]) writeValueAsBytes.invoke(mapper, output);
    }

    private static Type inputType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type candidate : c.getGenericInterfaces()) {
                if (candidate instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    return p.getActualTypeArguments()[0];
                }
            }
        }
        return Object.class;
    }
}
