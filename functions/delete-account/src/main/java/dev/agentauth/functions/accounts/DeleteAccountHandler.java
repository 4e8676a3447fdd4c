package dev.agentauth.functions.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.accounts.DisconnectAccount;
import dev.agentauth.config.Environment;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import dev.agentauth.lambda.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** DELETE /v1/accounts/{id}: revokes the grant at the provider when it can, then deletes the tokens and the account. */
public final class DeleteAccountHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final DisconnectAccount disconnectAccount;

    public DeleteAccountHandler() {
        this(Environment.system());
    }

    public DeleteAccountHandler(Environment environment) {
        DeleteAccountComponent component = DeleteAccountComponent.create(environment);
        this.api = component.api();
        this.disconnectAccount = component.disconnectAccount();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.ACCOUNTS_WRITE, request -> {
            disconnectAccount.disconnect(request.caller(), request.pathParameter("id"), request.requestId());
            return ApiResponse.noContent();
        });
    }
}
