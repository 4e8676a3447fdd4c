package dev.agentauth.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentauth.application.outbound.OutboundFailure;
import dev.agentauth.application.outbound.OutboundFailure.Kind;
import dev.agentauth.application.outbound.ProviderHttp;
import dev.agentauth.application.outbound.ProviderRequest;
import dev.agentauth.application.outbound.RequestPolicy;
import dev.agentauth.application.outbound.RetryPolicy;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * True pinning over TLS: the host name used here resolves only through the guard's one lookup
 * (the system resolver does not know it), the connection goes to the checked address, and the
 * certificate is still verified against the configured host name (sent as SNI).
 */
class PinnedTlsTest {

    private static final String PASSWORD = "changeit";
    private static final RequestPolicy POLICY = RequestPolicy.defaults().withRetry(RetryPolicy.none());

    @TempDir
    static Path dir;

    private static WireMockServer provider;
    private static TrustManager[] trustingTestCertificate;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("provider.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "provider", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=provider.test", "-ext", "san=dns:provider.test", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertEquals(0, keytool.waitFor(), "keytool failed");

        provider = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
                .keystorePath(keystore.toString()).keystorePassword(PASSWORD).keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12"));
        provider.start();
        provider.stubFor(get("/me").willReturn(aResponse().withStatus(200).withBody("{}")));

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        Certificate certificate = keys.getCertificate("provider");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("provider", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        trustingTestCertificate = factory.getTrustManagers();
    }

    @AfterAll
    static void stop() {
        provider.stop();
    }

    private static ProviderHttp client(HostResolver resolver) {
        return ProviderHttpFixture.builder().allowLoopbackPort(provider.httpsPort())
                .trusting(trustingTestCertificate).resolver(resolver).build();
    }

    @Test
    void connectsToTheCheckedAddressAndVerifiesTheCertificateForTheConfiguredHost() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        ProviderHttp http = client(host -> {
            lookups.incrementAndGet();
            return List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        });

        int status = http.send(ProviderRequest.get(URI.create("https://provider.test:" + provider.httpsPort() + "/me")), POLICY)
                .status();

        assertEquals(200, status);
        assertEquals(1, lookups.get(), "one lookup, by the guard; the client connects to its answer");
        provider.verify(getRequestedFor(urlPathEqualTo("/me")).withHeader("Host", equalTo("provider.test:" + provider.httpsPort())));
    }

    @Test
    void refusesACertificateIssuedForAnotherHostEvenAfterAVerifiedSessionToTheSameAddress() throws Exception {
        ProviderHttp http = client(host -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})));
        // a verified session to 127.0.0.1:port for provider.test must not be resumed for another name
        assertEquals(200, http.send(
                ProviderRequest.get(URI.create("https://provider.test:" + provider.httpsPort() + "/me")), POLICY).status());

        OutboundFailure failure = assertThrows(OutboundFailure.class, () -> http.send(
                ProviderRequest.get(URI.create("https://impostor.test:" + provider.httpsPort() + "/me")), POLICY));

        assertEquals(Kind.TLS_FAILURE, failure.kind());
        provider.verify(0, getRequestedFor(urlPathEqualTo("/me")).withHeader("Host", equalTo("impostor.test:" + provider.httpsPort())));
    }

    @Test
    void aRebindingResolverGetsNoSecondChance() throws Exception {
        // first answer: the allowed provider; any later answer would be an internal address
        List<String> answers = new ArrayList<>(List.of("127.0.0.1", "10.0.0.1", "169.254.169.254"));
        AtomicInteger lookups = new AtomicInteger();
        ProviderHttp http = client(host -> {
            String next = answers.get(Math.min(lookups.getAndIncrement(), answers.size() - 1));
            return List.of(InetAddress.getByAddress(host, InetAddress.getByName(next).getAddress()));
        });

        for (int i = 0; i < 3; i++) {
            lookups.set(0);
            assertEquals(200, http.send(
                    ProviderRequest.get(URI.create("https://provider.test:" + provider.httpsPort() + "/me")), POLICY).status());
            assertEquals(1, lookups.get());
        }
    }
}
