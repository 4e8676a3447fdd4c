package dev.agentauth.functions.connections;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.connections.ConnectionJson;
import dev.agentauth.application.connections.GetConnectionVersion;
import dev.agentauth.domain.connection.ConnectionVersion;
import dev.agentauth.config.Environment;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import dev.agentauth.lambda.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** GET /v1/connections/{id}/versions/{version}. */
public final class GetConnectionVersionHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final GetConnectionVersion useCase;

    public GetConnectionVersionHandler() {
        this(Environment.system());
    }

    public GetConnectionVersionHandler(Environment environment) {
        GetConnectionVersionComponent component = GetConnectionVersionComponent.create(environment);
        this.api = component.api();
        this.useCase = component.useCase();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.CONNECTIONS_READ, request -> {
            ConnectionVersion version = useCase.get(request.caller(), request.pathParameter("id"), request.pathParameter("version"));
            return ApiResponse.ok(ConnectionJson.render(version));
        });
    }
}
