package dev.agentauth.functions.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentauth.config.Environment;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.http.UnreachableAwsEnvironment;
import org.junit.jupiter.api.Test;

/** The callback page without a state (behaviour against the emulator: AccountFlowIT in issue-account-token). */
class OAuthCallbackHandlerTest {

    private static final Environment ENV = UnreachableAwsEnvironment.create();

    private final OAuthCallbackHandler handler = new OAuthCallbackHandler(ENV);

    @Test
    void aCallbackWithoutStateIsAPlainPageWithNoReferrerAndNoThirdPartyContent() {
        HandlerResponse response = HandlerResponse.invoke(handler,
                HttpApiEventBuilder.request("GET", "/v1/oauth/callback").query("code", "abc").anonymous());

        assertEquals(400, response.status());
        assertEquals("no-referrer", response.header("Referrer-Policy"));
        assertTrue(response.header("Content-Security-Policy").startsWith("default-src 'none'"));
        assertTrue(response.header("Content-Type").startsWith("text/html"));
        assertFalse(response.body().contains("<script"));
        assertFalse(response.body().contains("http://") || response.body().contains("https://"));
    }

    @Test
    void pageTextIsEscaped() {
        assertEquals("&lt;b&gt;&amp;&quot;&#39;", CallbackPage.escape("<b>&\"'"));
    }
}
