package dev.agentauth.functions.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.accounts.AccountJson;
import dev.agentauth.application.accounts.AccountQueries;
import dev.agentauth.config.Environment;
import dev.agentauth.domain.account.Account;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import dev.agentauth.lambda.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** GET /v1/accounts/{id}: one connected account (never its tokens). */
public final class GetAccountHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final AccountQueries queries;

    public GetAccountHandler() {
        this(Environment.system());
    }

    public GetAccountHandler(Environment environment) {
        GetAccountComponent component = GetAccountComponent.create(environment);
        this.api = component.api();
        this.queries = component.queries();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.CONNECTIONS_READ, request -> {
            Account account = queries.get(request.caller(), request.pathParameter("id"));
            return ApiResponse.ok(AccountJson.of(account)).withHeader("ETag", "\"" + account.version() + "\"");
        });
    }
}
