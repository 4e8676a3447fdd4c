package dev.agentauth.functions.connections;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.testing.TestConnection;
import dev.agentauth.config.Environment;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import dev.agentauth.lambda.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** POST /v1/connections/{id}/test: runs the connection's checks against its provider. */
public final class TestConnectionHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final TestConnection useCase;

    public TestConnectionHandler() {
        this(Environment.system());
    }

    public TestConnectionHandler(Environment environment) {
        TestConnectionComponent component = TestConnectionComponent.create(environment);
        this.api = component.api();
        this.useCase = component.useCase();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.CONNECTIONS_TEST, request ->
                ApiResponse.ok(useCase.test(request.caller(), request.pathParameter("id"), request.requestId()).toJson()));
    }
}
