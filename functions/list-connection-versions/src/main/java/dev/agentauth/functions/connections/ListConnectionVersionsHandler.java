package dev.agentauth.functions.connections;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.connections.ConnectionJson;
import dev.agentauth.application.connections.ListConnectionVersions;
import dev.agentauth.application.paging.Page;
import dev.agentauth.application.paging.PageJson;
import dev.agentauth.application.paging.PageRequest;
import dev.agentauth.domain.connection.ConnectionVersion;
import dev.agentauth.config.Environment;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import dev.agentauth.lambda.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** GET /v1/connections/{id}/versions. */
public final class ListConnectionVersionsHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final ListConnectionVersions useCase;

    public ListConnectionVersionsHandler() {
        this(Environment.system());
    }

    public ListConnectionVersionsHandler(Environment environment) {
        ListConnectionVersionsComponent component = ListConnectionVersionsComponent.create(environment);
        this.api = component.api();
        this.useCase = component.useCase();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.CONNECTIONS_READ, request -> {
            Page<ConnectionVersion> page = useCase.list(request.caller(), request.pathParameter("id"),
                    PageRequest.of(request.query("limit"), request.query("cursor")));
            return ApiResponse.ok(PageJson.render(page, ConnectionJson::render));
        });
    }
}
