package dev.agentauth.functions.connections;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.connections.ConnectionJson;
import dev.agentauth.application.connections.CreateConnection;
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

/** POST /v1/connections. */
public final class CreateConnectionHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final CreateConnection useCase;

    public CreateConnectionHandler() {
        this(Environment.system());
    }

    public CreateConnectionHandler(Environment environment) {
        CreateConnectionComponent component = CreateConnectionComponent.create(environment);
        this.api = component.api();
        this.useCase = component.useCase();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.CONNECTIONS_WRITE, request -> {
            Connection created = useCase.create(request.caller(), request.jsonObject(), request.header("idempotency-key"),
                    request.requestId());
            return ApiResponse.json(201, ConnectionJson.render(created))
                    .withHeader("Location", "/v1/connections/" + created.id())
                    .withHeader("ETag", EntityTag.of(created.version()));
        });
    }
}
