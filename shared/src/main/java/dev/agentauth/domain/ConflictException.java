package dev.agentauth.domain;

/** The request conflicts with the resource's current state (duplicate name, illegal state change). */
public final class ConflictException extends DomainException {
    public ConflictException(String message) {
        super(message);
    }
}
