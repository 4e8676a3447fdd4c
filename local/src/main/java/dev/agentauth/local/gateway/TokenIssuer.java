package dev.agentauth.local.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The local identity provider: an RSA key pair generated at startup signs development tokens
 * (RS256) with the issuer and audience the local JWT authorizer expects. Exists only in the
 * local runtime; in AWS the tenant's own identity provider issues the tokens.
 */
public final class TokenIssuer {

    public static final Duration LIFETIME = Duration.ofHours(1);
    public static final String DEFAULT_SUBJECT = "local-developer";

    private final RSAKey key;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    private TokenIssuer(RSAKey key, String issuer, String audience, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    public static TokenIssuer generate(String issuer, String audience, Clock clock) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("local-" + UUID.randomUUID()).algorithm(JWSAlgorithm.RS256).generate();
            return new TokenIssuer(key, issuer, audience, clock);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate the local signing key", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /** The public key set (what an identity provider publishes at its JWKS URL). */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    public String mint(String tenantId, List<String> scopes, String subject) {
        return mint(tenantId, scopes, subject, LIFETIME);
    }

    public String mint(String tenantId, List<String> scopes, String subject, Duration lifetime) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject == null || subject.isBlank() ? DEFAULT_SUBJECT : subject)
                .claim("tenant_id", tenantId)
                .claim("scope", String.join(" ", scopes))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a development token", e);
        }
        return jwt.serialize();
    }
}
