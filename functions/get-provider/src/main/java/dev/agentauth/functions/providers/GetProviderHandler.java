package dev.agentauth.functions.providers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.provider.ProviderCatalog;
import dev.agentauth.config.Environment;
import dev.agentauth.lambda.Priming;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** GET /v1/providers/{key}: one provider template. */
public final class GetProviderHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final ProviderCatalog catalog;

    public GetProviderHandler() {
        this(Environment.system());
    }

    public GetProviderHandler(Environment environment) {
        GetProviderComponent component = GetProviderComponent.create(environment);
        this.api = component.api();
        this.catalog = component.catalog();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.CONNECTIONS_READ, request -> {
            String key = request.pathParameter("key");
            return ApiResponse.ok(catalog.find(key).orElseThrow(() -> new NotFoundException("no provider template " + key)));
        });
    }
}
