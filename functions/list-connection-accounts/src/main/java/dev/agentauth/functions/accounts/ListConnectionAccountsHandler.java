package dev.agentauth.functions.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.accounts.AccountJson;
import dev.agentauth.application.accounts.AccountQueries;
import dev.agentauth.application.paging.PageRequest;
import dev.agentauth.config.Environment;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import dev.agentauth.lambda.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** GET /v1/connections/{id}/accounts: the connection's accounts, page by page. */
public final class ListConnectionAccountsHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final AccountQueries queries;

    public ListConnectionAccountsHandler() {
        this(Environment.system());
    }

    public ListConnectionAccountsHandler(Environment environment) {
        ListConnectionAccountsComponent component = ListConnectionAccountsComponent.create(environment);
        this.api = component.api();
        this.queries = component.queries();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.CONNECTIONS_READ, request -> ApiResponse.ok(AccountJson.page(
                queries.list(request.caller(), request.pathParameter("id"),
                        PageRequest.of(request.query("limit"), request.query("cursor"))))));
    }
}
