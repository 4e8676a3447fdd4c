package dev.agentauth.local.lambda;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentauth.json.Json;
import dev.agentauth.local.RuntimeLog;
import dev.agentauth.local.template.FunctionDefinition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;

/**
 * One function of the template, run in-process the way Lambda runs it: its packaged artifact in
 * its own class loader, the handler class named by the template built with the function's
 * environment (through its {@code Environment} constructor), and each invocation on an instance
 * that serves nothing else meanwhile. Idle instances are reused (warm starts); concurrent
 * invocations get new ones (Lambda scales out the same way).
 */
public final class LocalFunction implements AutoCloseable {

    private static final ObjectMapper MAPPER = Json.mapper();

    private final FunctionDefinition definition;
    private final String functionName;
    private final Map<String, String> environment;
    private final Consumer<String> environmentReads;
    private final URLClassLoader loader;
    private final ConcurrentLinkedDeque<Object> idle = new ConcurrentLinkedDeque<>();

    private LocalFunction(FunctionDefinition definition, String functionName, Map<String, String> environment,
                          Consumer<String> environmentReads, URLClassLoader loader) {
        this.definition = definition;
        this.functionName = functionName;
        this.environment = Map.copyOf(environment);
        this.environmentReads = environmentReads;
        this.loader = loader;
    }

    /**
     * @param environment the variables the function sees (template's, resolved locally)
     * @param environmentReads told the name of every variable the function reads (guard tests)
     */
    public static LocalFunction load(FunctionDefinition definition, FunctionArtifact artifact, String functionName,
                                     Map<String, String> environment, Consumer<String> environmentReads) {
        return new LocalFunction(definition, functionName, environment, environmentReads,
                artifact.newClassLoader(definition.logicalId()));
    }

    public static LocalFunction load(FunctionDefinition definition, FunctionArtifact artifact, String functionName,
                                     Map<String, String> environment) {
        return load(definition, artifact, functionName, environment, name -> {});
    }

    public String logicalId() {
        return definition.logicalId();
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** Invokes the function with an event; answers the function's response payload. */
    public byte[] invoke(byte[] event) {
        Object instance = idle.pollFirst();
        if (instance == null) instance = newInstance();
        // an instance whose invocation failed is discarded, as Lambda discards its execution environment
        byte[] response = call(instance, event);
        idle.addFirst(instance);
        return response;
    }

    /**
     * Builds a fresh handler instance and runs the SnapStart priming hooks it registered, as
     * Lambda does before taking a snapshot. Fails only if the handler cannot be constructed.
     *
     * @return how many priming hooks ran
     */
    public int prime() {
        newInstance();
        return withFunctionLoader(() -> {
            Class<?> priming = Class.forName("dev.agentauth.lambda.Priming", true, loader);
            List<?> hooks = (List<?>) priming.getMethod("registered").invoke(null);
            for (Object hook : hooks) priming.getMethod("prime").invoke(hook);
            return hooks.size();
        });
    }

    /** Constructs the handler: {@code (Environment)} constructor when present, as every project handler has. */
    Object newInstance() {
        return withFunctionLoader(() -> {
            Class<?> handlerClass = Class.forName(definition.handlerClass(), true, loader);
            Class<?> environmentType;
            try {
                environmentType = Class.forName(CrossLoaderProxies.ENVIRONMENT, false, loader);
            } catch (ClassNotFoundException notAProjectHandler) {
                environmentType = null;
            }
            Constructor<?> withEnvironment = environmentType == null ? null : constructor(handlerClass, environmentType);
            if (withEnvironment != null) {
                return withEnvironment.newInstance(CrossLoaderProxies.environment(loader, environment, environmentReads));
            }
            RuntimeLog.warn("%s has no (Environment) constructor: it sees the runtime's process environment", definition.handlerClass());
            return handlerClass.getConstructor().newInstance();
        });
    }

    private byte[] call(Object instance, byte[] event) {
        return withFunctionLoader(() -> {
            Object context = CrossLoaderProxies.context(loader, new CrossLoaderProxies.InvocationContext(
                    UUID.randomUUID().toString(), functionName,
                    "arn:aws:lambda:local:123456789012:function:" + functionName,
                    System.currentTimeMillis() + definition.timeoutSeconds() * 1000L, definition.memoryMb()));
            Method method = handlerMethod(instance.getClass());
            Class<?>[] parameters = method.getParameterTypes();
            if (parameters.length == 3 && parameters[0] == InputStream.class && parameters[1] == OutputStream.class) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                method.invoke(instance, new ByteArrayInputStream(event), out, context);
                return out.toByteArray();
            }
            // RequestHandler<I, O>: the Lambda runtime deserialises the event into I and serialises O
            JavaType input = MAPPER.getTypeFactory().constructType(method.getGenericParameterTypes()[0]);
            Object argument = input.getRawClass() == InputStream.class ? new ByteArrayInputStream(event) : MAPPER.readValue(event, input);
            Object result = parameters.length == 2 ? method.invoke(instance, argument, context) : method.invoke(instance, argument);
            return method.getReturnType() == void.class ? new byte[0] : MAPPER.writeValueAsBytes(result);
        });
    }

    private Method handlerMethod(Class<?> handlerClass) {
        return Arrays.stream(handlerClass.getMethods())
                .filter(m -> m.getName().equals(definition.handlerMethod()) && !m.isBridge())
                .filter(m -> m.getParameterCount() >= 1 && m.getParameterCount() <= 3)
                .max(Comparator.comparingInt(Method::getParameterCount)
                        .thenComparing(m -> m.getParameterTypes()[0] != Object.class))
                .orElseThrow(() -> new IllegalStateException("no method " + definition.handler()));
    }

    private static Constructor<?> constructor(Class<?> type, Class<?> parameter) {
        try {
            return type.getConstructor(parameter);
        } catch (NoSuchMethodException absent) {
            return null;
        }
    }

    private interface FunctionCode<T> {
        T run() throws Exception;
    }

    /** Runs code of the function with its class loader as the thread's context loader (as in Lambda). */
    private <T> T withFunctionLoader(FunctionCode<T> code) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return code.run();
        } catch (InvocationTargetException e) {
            throw new FunctionFailedException(logicalId(), e.getCause());
        } catch (Exception | LinkageError e) {
            throw new FunctionFailedException(logicalId(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        idle.clear();
        try {
            loader.close();
        } catch (IOException e) {
            RuntimeLog.warn("could not close the class loader of %s: %s", logicalId(), e.getMessage());
        }
    }
}
