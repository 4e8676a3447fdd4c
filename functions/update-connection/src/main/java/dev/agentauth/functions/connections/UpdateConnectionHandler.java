package dev.agentauth.functions.connections;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.connections.ConnectionJson;
import dev.agentauth.application.connections.UpdateConnection;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.http.EntityTag;
import dev.agentauth.config.Environment;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import dev.agentauth.lambda.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** PATCH /v1/connections/{id}. */
public final class UpdateConnectionHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final UpdateConnection useCase;

    public UpdateConnectionHandler() {
        this(Environment.system());
    }

    public UpdateConnectionHandler(Environment environment) {
        UpdateConnectionComponent component = UpdateConnectionComponent.create(environment);
        this.api = component.api();
        this.useCase = component.useCase();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.CONNECTIONS_WRITE, request -> {
            Connection updated = useCase.update(request.caller(), request.pathParameter("id"), request.jsonObject(),
                    EntityTag.ifMatch(request), request.requestId());
            return ApiResponse.ok(ConnectionJson.render(updated)).withHeader("ETag", EntityTag.of(updated.version()));
        });
    }
}
