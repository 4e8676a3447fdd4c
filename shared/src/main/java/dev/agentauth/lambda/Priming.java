package dev.agentauth.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: before Lambda snapshots an initialised function, invoke the handler once
 * with its priming event (classpath resource {@code priming-event.json} of the function, or a
 * harmless unauthenticated request) so the hot classes are loaded and the clients are warm in
 * the snapshot. Failures while priming are logged and ignored: priming is an optimisation.
 */
public final class Priming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
    private static final String FALLBACK_EVENT = """
            {"version":"2.0","routeKey":"PRIMING","rawPath":"/_priming","headers":{},
             "requestContext":{"requestId":"priming","http":{"method":"GET","path":"/_priming"}},"isBase64Encoded":false}""";

    private final RequestStreamHandler handler;

    private Priming(RequestStreamHandler handler) {
        this.handler = handler;
    }

    /** Registers the handler for priming; called at the end of every handler's constructor. */
    public static void register(RequestStreamHandler handler) {
        Priming priming = new Priming(handler);
        // CRaC holds resources weakly: keep a strong reference for the life of the JVM
        HOLDER.add(priming);
        Core.getGlobalContext().register(priming);
    }

    private static final java.util.List<Priming> HOLDER = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing: clients re-resolve credentials from the restored environment on first use
    }

    /** Runs the priming invocation now (SnapStart calls it through CRaC; tests call it directly). */
    public void prime() {
        try (InputStream event = primingEvent()) {
            handler.handleRequest(event, new ByteArrayOutputStream(), null);
        } catch (Exception | LinkageError e) {
            LOG.warn("priming {} failed: {}", handler.getClass().getSimpleName(), e.getClass().getName());
        }
    }

    public static java.util.List<Priming> registered() {
        return java.util.List.copyOf(HOLDER);
    }

    private InputStream primingEvent() {
        InputStream resource = handler.getClass().getClassLoader().getResourceAsStream("priming-event.json");
        return resource != null ? resource : new ByteArrayInputStream(FALLBACK_EVENT.getBytes(StandardCharsets.UTF_8));
    }
}
