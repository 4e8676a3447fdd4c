package dev.agentauth.domain;

/** The If-Match version does not match the resource's current version. */
public final class PreconditionFailedException extends DomainException {
    public PreconditionFailedException(String message) {
        super(message);
    }
}
