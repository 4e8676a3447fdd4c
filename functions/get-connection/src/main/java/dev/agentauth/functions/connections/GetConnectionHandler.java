package dev.agentauth.functions.connections;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.connections.ConnectionJson;
import dev.agentauth.application.connections.GetConnection;
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

/** GET /v1/connections/{id}. */
public final class GetConnectionHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final GetConnection useCase;

    public GetConnectionHandler() {
        this(Environment.system());
    }

    public GetConnectionHandler(Environment environment) {
        GetConnectionComponent component = GetConnectionComponent.create(environment);
        this.api = component.api();
        this.useCase = component.useCase();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.CONNECTIONS_READ, request -> {
            Connection connection = useCase.get(request.caller(), request.pathParameter("id"));
            return ApiResponse.ok(ConnectionJson.render(connection)).withHeader("ETag", EntityTag.of(connection.version()));
        });
    }
}
