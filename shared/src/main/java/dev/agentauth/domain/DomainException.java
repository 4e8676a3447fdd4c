package dev.agentauth.domain;

/** A rule of the domain said no. Each subclass maps to one HTTP status in one place (the HTTP layer). */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
