package dev.agentauth.functions.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentauth.config.Environment;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The route's guard, before any AWS call (behaviour against the emulator: AccountFlowIT in issue-account-token). */
class ListConnectionAccountsHandlerTest {

    private static final Environment ENV = Environment.of(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_REGION", "us-east-1",
            "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing", "AGENTAUTH_TABLE_NAME", "t",
            "AGENTAUTH_KMS_KEY_ID", "alias/k", "AGENTAUTH_EVENT_BUS_NAME", "b", "AGENTAUTH_SECRET_PREFIX", "agentauth/x/"));

    private final ListConnectionAccountsHandler handler = new ListConnectionAccountsHandler(ENV);

    @Test
    void requiresABearerToken() {
        HandlerResponse response = HandlerResponse.invoke(handler,
                HttpApiEventBuilder.request("GET", "/v1/connections/conn_1/accounts").pathParameter("id", "conn_1").anonymous());

        assertEquals(401, response.status());
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    @Test
    void requiresTheScopeConnectionsRead() {
        HandlerResponse response = HandlerResponse.invoke(handler,
                HttpApiEventBuilder.request("GET", "/v1/connections/conn_1/accounts").pathParameter("id", "conn_1").scopes("audit:read"));

        assertEquals(403, response.status());
        assertEquals("no-store", response.header("Cache-Control"));
    }
}
