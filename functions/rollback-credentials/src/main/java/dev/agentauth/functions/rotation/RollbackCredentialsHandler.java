package dev.agentauth.functions.rotation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.rotation.CredentialRotations;
import dev.agentauth.application.rotation.RotationJson;
import dev.agentauth.config.Environment;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import dev.agentauth.lambda.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** POST /v1/connections/{id}/credentials/rollback: the credential replaced by the last rotation is current again. */
public final class RollbackCredentialsHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final CredentialRotations rotations;

    public RollbackCredentialsHandler() {
        this(Environment.system());
    }

    public RollbackCredentialsHandler(Environment environment) {
        RollbackCredentialsComponent component = RollbackCredentialsComponent.create(environment);
        this.api = component.api();
        this.rotations = component.rotations();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.CONNECTIONS_WRITE, request -> ApiResponse.ok(RotationJson.view(
                rotations.rollback(request.caller(), request.pathParameter("id"), request.requestId()))));
    }
}
