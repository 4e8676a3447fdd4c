package dev.agentauth.functions.connections;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.connections.DeleteConnection;
import dev.agentauth.http.EntityTag;
import dev.agentauth.config.Environment;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import dev.agentauth.lambda.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** DELETE /v1/connections/{id}. */
public final class DeleteConnectionHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final DeleteConnection useCase;

    public DeleteConnectionHandler() {
        this(Environment.system());
    }

    public DeleteConnectionHandler(Environment environment) {
        DeleteConnectionComponent component = DeleteConnectionComponent.create(environment);
        this.api = component.api();
        this.useCase = component.useCase();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.CONNECTIONS_WRITE, request -> {
            useCase.delete(request.caller(), request.pathParameter("id"), EntityTag.ifMatch(request), request.requestId());
            return ApiResponse.noContent();
        });
    }
}
