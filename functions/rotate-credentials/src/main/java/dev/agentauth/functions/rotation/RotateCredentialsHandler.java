package dev.agentauth.functions.rotation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.rotation.CredentialRotations;
import dev.agentauth.application.rotation.RotationCommand;
import dev.agentauth.application.rotation.RotationJson;
import dev.agentauth.application.rotation.RotationRequest;
import dev.agentauth.config.Environment;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import dev.agentauth.lambda.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** POST /v1/connections/{id}/credentials: stage a new credential, test it, promote it (or report why not). */
public final class RotateCredentialsHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final CredentialRotations rotations;

    public RotateCredentialsHandler() {
        this(Environment.system());
    }

    public RotateCredentialsHandler(Environment environment) {
        RotateCredentialsComponent component = RotateCredentialsComponent.create(environment);
        this.api = component.api();
        this.rotations = component.rotations();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.CONNECTIONS_WRITE, request -> {
            RotationCommand command = RotationCommand.of(request.caller(), request.pathParameter("id"),
                    RotationRequest.parse(request.jsonObject()), RotationRequest.rotationId(request.header("idempotency-key")),
                    request.requestId());
            return ApiResponse.ok(RotationJson.view(rotations.rotate(command)));
        });
    }
}
