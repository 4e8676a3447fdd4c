package dev.agentauth.domain;

/** The request body exceeds the size limit. */
public final class PayloadTooLargeException extends DomainException {
    public PayloadTooLargeException(String message) {
        super(message);
    }
}
