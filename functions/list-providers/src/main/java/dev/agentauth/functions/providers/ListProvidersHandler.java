package dev.agentauth.functions.providers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.provider.ProviderCatalog;
import dev.agentauth.config.Environment;
import dev.agentauth.lambda.Priming;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** GET /v1/providers: the provider templates this deployment offers. */
public final class ListProvidersHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final ProviderCatalog catalog;

    public ListProvidersHandler() {
        this(Environment.system());
    }

    public ListProvidersHandler(Environment environment) {
        ListProvidersComponent component = ListProvidersComponent.create(environment);
        this.api = component.api();
        this.catalog = component.catalog();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.CONNECTIONS_READ,
                request -> ApiResponse.ok(Map.of("items", catalog.all())));
    }
}
