package dev.agentauth.local.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies bearer tokens as API Gateway's JWT authorizer does: RS256 signature against the
 * issuer's keys, {@code iss} and {@code aud} equal to the configured ones, {@code exp}/{@code nbf}
 * honoured; then the route's authorization scopes: the token must carry at least one of them in
 * its {@code scope} (or {@code scp}) claim.
 */
public final class JwtAuthorizer {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public JwtAuthorizer(JWKSet keys, String issuer, String audience) {
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", "iss", "aud")));
    }

    /** The outcome of authorizing one request. */
    public sealed interface Decision {
        record Allowed(Map<String, Object> claims, List<String> scopes) implements Decision {}

        record Unauthorized(String reason) implements Decision {}

        record Forbidden(String reason) implements Decision {}
    }

    public Decision authorize(Optional<String> authorization, List<String> routeScopes) {
        if (authorization.isEmpty()) return new Decision.Unauthorized("a bearer token is required");
        String[] parts = authorization.get().strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
            return new Decision.Unauthorized("the Authorization header must be 'Bearer <token>'");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(parts[1], null);
        } catch (ParseException | BadJOSEException | JOSEException invalid) {
            // the token is the caller's; what is wrong with it is the caller's to know, without internals
            return new Decision.Unauthorized("the bearer token is invalid or expired");
        }
        List<String> scopes = scopes(claims);
        if (!routeScopes.isEmpty() && routeScopes.stream().noneMatch(scopes::contains)) {
            return new Decision.Forbidden("this route requires the scope " + String.join(" or ", routeScopes));
        }
        return new Decision.Allowed(claims.getClaims(), scopes);
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String name : List.of("scope", "scp")) {
            Object value = claims.getClaim(name);
            if (value instanceof String text) scopes.addAll(Arrays.asList(text.trim().split("\\s+")));
            else if (value instanceof List<?> list) list.forEach(s -> scopes.add(String.valueOf(s)));
        }
        scopes.remove("");
        return List.copyOf(scopes);
    }
}
