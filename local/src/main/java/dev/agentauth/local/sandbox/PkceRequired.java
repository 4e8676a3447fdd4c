package dev.agentauth.local.sandbox;

import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * Makes the sandbox authorization server insist on PKCE: an authorization request without an
 * S256 {@code code_challenge} is refused (the server itself then checks the
 * {@code code_verifier} at the token endpoint), as providers that mandate PKCE do.
 */
final class PkceRequired implements Route {

    @Override
    public boolean match(OAuth2HttpRequest request) {
        String path = request.getUrl().encodedPath();
        if (!request.getMethod().equals("GET") || !path.endsWith("/authorize")) return false;
        String challenge = request.getUrl().queryParameter("code_challenge");
        return challenge == null || challenge.isBlank() || !"S256".equals(request.getUrl().queryParameter("code_challenge_method"));
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        String body = "{\"error\":\"invalid_request\",\"error_description\":\"PKCE is required: send code_challenge with code_challenge_method=S256\"}";
        return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 400, body, null);
    }
}
