package dev.agentauth.outbound;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Pinned requests name an IP address in their URI, so the Host header must be set explicitly.
 * The JDK client treats Host as restricted unless {@code jdk.httpclient.allowRestrictedHeaders}
 * lists it when the client's internals are first loaded; this project has no other user of
 * {@code java.net.http}, so setting it before the first client is built is enough; the template
 * (JAVA_TOOL_OPTIONS) and the test JVMs also set it at startup, in case a library loads the JDK
 * client first. The check fails loudly instead of silently sending the IP address as Host.
 */
final class HostHeader {

    private static final String PROPERTY = "jdk.httpclient.allowRestrictedHeaders";

    private HostHeader() {}

    static synchronized void enable() {
        String current = System.getProperty(PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(PROPERTY, "host");
        } else if (!(("," + current.replace(" ", "") + ",").toLowerCase(java.util.Locale.ROOT).contains(",host,"))) {
            System.setProperty(PROPERTY, current + ",host");
        }
        try {
            HttpRequest.newBuilder(URI.create("https://127.0.0.1/")).header("Host", "example.com");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("java.net.http was initialised before the outbound client could allow the "
                    + "Host header; start the JVM with -D" + PROPERTY + "=host", e);
        }
    }
}
