package dev.agentauth.functions.notfound;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.config.Environment;
import dev.agentauth.lambda.Priming;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The $default route: any path or method the API does not have is a 404 problem+json. */
public final class RouteNotFoundHandler implements RequestStreamHandler {

    private final HttpApi api;

    public RouteNotFoundHandler() {
        this(Environment.system());
    }

    public RouteNotFoundHandler(Environment environment) {
        this.api = RouteNotFoundComponent.create(environment).api();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.PUBLIC, request -> {
            throw new NotFoundException("no route " + request.method() + " " + request.path());
        });
    }
}
