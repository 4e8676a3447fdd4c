package dev.agentauth.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JwtAuthorizerTest {

    private static final String ISSUER = "http://127.0.0.1:3000/_local";
    private final TokenIssuer issuer = TokenIssuer.generate(ISSUER, "agentauth-local", Clock.systemUTC());
    private final JwtAuthorizer authorizer = new JwtAuthorizer(issuer.publicKeys(), ISSUER, "agentauth-local");

    @Test
    void allowsAValidTokenCarryingOneOfTheRouteScopesAndPassesItsClaims() {
        String token = issuer.mint("t1", List.of("connections:read", "audit:read"), "alice");

        JwtAuthorizer.Decision decision = authorizer.authorize(Optional.of("Bearer " + token), List.of("audit:read"));

        JwtAuthorizer.Decision.Allowed allowed = assertInstanceOf(JwtAuthorizer.Decision.Allowed.class, decision);
        assertEquals("t1", allowed.claims().get("tenant_id"));
        assertEquals("alice", allowed.claims().get("sub"));
        assertEquals(List.of("connections:read", "audit:read"), allowed.scopes());
    }

    @Test
    void forbidsAValidTokenWithoutTheRouteScope() {
        String token = issuer.mint("t1", List.of("connections:read"), null);

        assertInstanceOf(JwtAuthorizer.Decision.Forbidden.class,
                authorizer.authorize(Optional.of("Bearer " + token), List.of("connections:write")));
    }

    @Test
    void rejectsMissingMalformedForeignAndExpiredTokens() {
        TokenIssuer otherKey = TokenIssuer.generate(ISSUER, "agentauth-local", Clock.systemUTC());
        TokenIssuer otherIssuer = TokenIssuer.generate("https://evil.example/", "agentauth-local", Clock.systemUTC());
        TokenIssuer otherAudience = TokenIssuer.generate(ISSUER, "another-api", Clock.systemUTC());
        TokenIssuer yesterday = TokenIssuer.generate(ISSUER, "agentauth-local",
                Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC));
        List<Optional<String>> rejected = List.of(
                Optional.empty(),
                Optional.of("Basic dXNlcjpwYXNz"),
                Optional.of("Bearer not-a-jwt"),
                Optional.of("Bearer " + otherKey.mint("t1", List.of("connections:read"), null)),
                Optional.of("Bearer " + otherIssuer.mint("t1", List.of("connections:read"), null)),
                Optional.of("Bearer " + otherAudience.mint("t1", List.of("connections:read"), null)),
                Optional.of("Bearer " + yesterday.mint("t1", List.of("connections:read"), null)));

        for (Optional<String> header : rejected) {
            assertInstanceOf(JwtAuthorizer.Decision.Unauthorized.class, authorizer.authorize(header, List.of()), header::toString);
        }
    }
}
