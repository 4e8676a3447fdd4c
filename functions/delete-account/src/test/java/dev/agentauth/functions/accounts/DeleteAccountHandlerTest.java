package dev.agentauth.functions.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentauth.config.Environment;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.http.UnreachableAwsEnvironment;
import org.junit.jupiter.api.Test;

/** The route's guard, before any AWS call (behaviour against the emulator: AccountFlowIT in issue-account-token). */
class DeleteAccountHandlerTest {

    private static final Environment ENV = UnreachableAwsEnvironment.create();

    private final DeleteAccountHandler handler = new DeleteAccountHandler(ENV);

    @Test
    void requiresABearerToken() {
        HandlerResponse response = HandlerResponse.invoke(handler,
                HttpApiEventBuilder.request("DELETE", "/v1/accounts/acct_1").pathParameter("id", "acct_1").anonymous());

        assertEquals(401, response.status());
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    @Test
    void requiresTheScopeAccountsWrite() {
        HandlerResponse response = HandlerResponse.invoke(handler,
                HttpApiEventBuilder.request("DELETE", "/v1/accounts/acct_1").pathParameter("id", "acct_1").scopes("audit:read"));

        assertEquals(403, response.status());
        assertEquals("no-store", response.header("Cache-Control"));
    }
}
