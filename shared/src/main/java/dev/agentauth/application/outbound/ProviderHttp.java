package dev.agentauth.application.outbound;

import java.net.URI;

/**
 * Port: the one way this service talks to a provider (connection tests, token endpoints, tool
 * calls). Every call goes through the outbound target guard (SECURITY.md 20–22):
 * <ul>
 *   <li>only {@code https}; {@code http} only to loopback and only where private targets are
 *       allowed (local development); every other scheme is refused;</li>
 *   <li>the host is resolved once, every address is checked (loopback, private, link-local,
 *       metadata, CGNAT, multicast, IPv4-mapped and the like are refused), and the connection
 *       goes to the checked address, never through a second lookup;</li>
 *   <li>redirects are followed by the implementation, at most {@link RequestPolicy#maxRedirects()}
 *       hops, each hop checked again; headers and bodies are never carried to another origin;</li>
 *   <li>each attempt is bounded by the policy's timeout, the response body by its size cap.</li>
 * </ul>
 * Implementations never log request headers, request bodies, query strings or response bodies.
 * Callers must never return a {@link ProviderResponse#body()} raw to an API caller: they parse
 * what they need and describe the outcome in their own words.
 */
public interface ProviderHttp {

    /**
     * Sends the request under the policy, retrying as the policy says, and returns the final
     * response whatever its status (a 401, 429 or 500 is an answer, not a failure).
     *
     * @throws OutboundFailure when no answer could be obtained or the target is refused;
     *         its kind says why and its detail is safe to show to a user
     */
    ProviderResponse send(ProviderRequest request, RequestPolicy policy) throws OutboundFailure;

    /**
     * Checks a target as {@link #send} would before connecting (strict parse, scheme, DNS
     * resolution, address classes) without sending anything.
     *
     * @throws OutboundFailure of kind {@code MALFORMED_TARGET}, {@code TARGET_NOT_ALLOWED} or
     *         {@code UNKNOWN_HOST} when the target may not be called
     */
    void verifyTarget(URI target) throws OutboundFailure;
}
