package dev.agentauth.functions.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.accounts.IssueAccountToken;
import dev.agentauth.config.Environment;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import dev.agentauth.lambda.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** POST /v1/accounts/{id}/token: a valid access token for the account, refreshed first when due. */
public final class IssueAccountTokenHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final IssueAccountToken issueAccountToken;

    public IssueAccountTokenHandler() {
        this(Environment.system());
    }

    public IssueAccountTokenHandler(Environment environment) {
        IssueAccountTokenComponent component = IssueAccountTokenComponent.create(environment);
        this.api = component.api();
        this.issueAccountToken = component.issueAccountToken();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.TOKENS_READ, request -> {
            IssueAccountToken.IssuedToken token = issueAccountToken.issue(request.caller(), request.pathParameter("id"),
                    request.requestId());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", token.accessToken());
            body.put("token_type", token.tokenType());
            body.put("expires_at", token.expiresAt() == null ? null : token.expiresAt().toString());
            body.put("scopes", token.scopes());
            return ApiResponse.ok(body);
        });
    }
}
