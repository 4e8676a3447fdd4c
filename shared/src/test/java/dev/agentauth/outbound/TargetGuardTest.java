package dev.agentauth.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentauth.application.outbound.OutboundFailure;
import dev.agentauth.application.outbound.OutboundFailure.Kind;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the guard lets through, and how a checked target is pinned. */
class TargetGuardTest {

    private static TargetGuard guard(boolean allowPrivate) {
        return new TargetGuard(TargetPolicy.strict(allowPrivate), host -> switch (host) {
            case "api.example.com" -> List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}));
            case "sandbox.test" -> List.of(InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7}));
            case "localhost" -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
            default -> throw new java.net.UnknownHostException(host);
        });
    }

    @Test
    void pinsAPublicHttpsTargetToItsCheckedAddress() throws Exception {
        CheckedTarget target = guard(false).check(URI.create("https://API.example.com/v1/me?x=%20y"));

        assertEquals(URI.create("https://93.184.216.34:443/v1/me?x=%20y"), target.pinnedUri());
        assertEquals("api.example.com", target.hostHeader());
        assertEquals("api.example.com", target.tlsName().orElseThrow());
        assertEquals("https://api.example.com:443", target.origin());
    }

    @Test
    void keepsANonDefaultPortInTheHostHeader() throws Exception {
        assertEquals("api.example.com:8443", guard(false).check(URI.create("https://api.example.com:8443/")).hostHeader());
    }

    @Test
    void sendsNoTlsNameForAnIpLiteral() throws Exception {
        CheckedTarget target = guard(false).check(URI.create("https://93.184.216.34/"));

        assertEquals(true, target.tlsName().isEmpty());
    }

    @Test
    void refusesPlainHttpToAPublicHostEvenWhenPrivateTargetsAreAllowed() {
        for (boolean allowPrivate : new boolean[] {false, true}) {
            OutboundFailure failure = assertThrows(OutboundFailure.class,
                    () -> guard(allowPrivate).check(URI.create("http://api.example.com/")));
            assertEquals(Kind.TARGET_NOT_ALLOWED, failure.kind());
        }
    }

    @Test
    void allowsLoopbackHttpOnlyWhenPrivateTargetsAreAllowed() throws Exception {
        guard(true).check(URI.create("http://localhost:8080/"));
        assertEquals(Kind.TARGET_NOT_ALLOWED,
                assertThrows(OutboundFailure.class, () -> guard(false).check(URI.create("http://localhost:8080/"))).kind());
    }

    @Test
    void allowsPrivateNetworksOverHttpsOnlyWhenPrivateTargetsAreAllowed() throws Exception {
        guard(true).check(URI.create("https://sandbox.test/"));
        assertEquals(Kind.TARGET_NOT_ALLOWED,
                assertThrows(OutboundFailure.class, () -> guard(true).check(URI.create("http://sandbox.test/"))).kind());
        assertEquals(Kind.TARGET_NOT_ALLOWED,
                assertThrows(OutboundFailure.class, () -> guard(false).check(URI.create("https://sandbox.test/"))).kind());
    }

    @Test
    void neverAllowsMetadataOrUnspecifiedAddresses() {
        for (String target : List.of("https://169.254.169.254/", "https://[fd00:ec2::254]/", "http://0.0.0.0:8080/",
                "https://224.0.0.1/", "https://[::ffff:127.0.0.1]/")) {
            assertEquals(Kind.TARGET_NOT_ALLOWED,
                    assertThrows(OutboundFailure.class, () -> guard(true).check(URI.create(target))).kind(), target);
        }
    }

    @Test
    void namesAHostThatDoesNotResolve() {
        OutboundFailure failure = assertThrows(OutboundFailure.class, () -> guard(false).check(URI.create("https://nowhere.test/")));

        assertEquals(Kind.UNKNOWN_HOST, failure.kind());
        assertEquals("the host nowhere.test does not resolve", failure.detail());
    }

    @Test
    void refusesRelativeAndMalformedUrls() {
        for (String target : List.of("/relative", "https:///nohost", "https://exa_mple.com/", "https://-bad.com/",
                "https://api.example.com:0/")) {
            assertEquals(Kind.MALFORMED_TARGET,
                    assertThrows(OutboundFailure.class, () -> guard(false).check(URI.create(target))).kind(), target);
        }
    }
}
