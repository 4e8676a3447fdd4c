package dev.agentauth.application.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * mock-oauth2-server issues tokens to any client; this route in front of its token endpoint
 * makes it authenticate clients (HTTP Basic or form) against registered secrets, answering
 * {@code 401 invalid_client} like a real provider. Known clients fall through to the server.
 */
final class ClientAuthenticatingRoute implements Route {

    private final Map<String, String> secrets;

    ClientAuthenticatingRoute(Map<String, String> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    @Override
    public boolean match(OAuth2HttpRequest request) {
        if (!request.getMethod().equals("POST") || !request.getUrl().encodedPath().endsWith("/token")) return false;
        String[] client = client(request);
        return client == null || !client[1].equals(secrets.get(client[0]));
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        byte[] body = "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}"
                .getBytes(StandardCharsets.UTF_8);
        return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 401, new String(body, StandardCharsets.UTF_8), body);
    }

    private static String[] client(OAuth2HttpRequest request) {
        String authorization = request.getHeaders().get("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : new String[] {decode(pair.substring(0, colon)), decode(pair.substring(colon + 1))};
        }
        String body = request.getBody() == null ? "" : request.getBody();
        String id = null;
        String secret = null;
        for (String field : body.split("&")) {
            String[] kv = field.split("=", 2);
            if (kv.length == 2 && kv[0].equals("client_id")) id = decode(kv[1]);
            if (kv.length == 2 && kv[0].equals("client_secret")) secret = decode(kv[1]);
        }
        return id == null || secret == null ? null : new String[] {id, secret};
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
