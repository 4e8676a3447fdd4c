package dev.agentauth.application.outbound;

import java.util.Objects;

/**
 * No usable answer from a provider, or a target this service refuses to call. The detail is
 * written for the user who configured the connection: it may name the host, never a credential,
 * a query string or a provider body.
 */
public final class OutboundFailure extends Exception {

    /** Why an outbound call produced no answer. */
    public enum Kind {
        /** The URL cannot be parsed strictly (bad syntax, user info, ambiguous numeric host...). */
        MALFORMED_TARGET,
        /** Scheme or address refused by the SSRF guard (private, loopback, metadata, http...). */
        TARGET_NOT_ALLOWED,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** The connection was refused, reset or could not be routed. */
        UNREACHABLE,
        /** No complete answer within the policy's timeout or total budget. */
        TIMEOUT,
        /** The TLS handshake failed (untrusted certificate, wrong host name, protocol). */
        TLS_FAILURE,
        /** The response body exceeded the policy's size cap; reading was aborted. */
        RESPONSE_TOO_LARGE,
        /** More redirects than the policy allows. */
        TOO_MANY_REDIRECTS,
        /** A redirect that would carry a request body to another origin, or had no usable Location. */
        REDIRECT_NOT_ALLOWED,
        /** The provider answered with something that is not valid HTTP. */
        PROTOCOL_ERROR,
        /** The calling thread was interrupted. */
        INTERRUPTED
    }

    private final Kind kind;
    private final String detail;

    public OutboundFailure(Kind kind, String detail) {
        super(kind + ": " + detail, null, false, false);
        this.kind = Objects.requireNonNull(kind);
        this.detail = Objects.requireNonNull(detail);
    }

    public Kind kind() {
        return kind;
    }

    /** A sentence safe to show to the user who configured the connection. */
    public String detail() {
        return detail;
    }
}
