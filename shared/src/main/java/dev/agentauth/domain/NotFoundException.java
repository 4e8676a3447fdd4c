package dev.agentauth.domain;

/** The resource does not exist (or belongs to another tenant; the two are indistinguishable). */
public final class NotFoundException extends DomainException {
    public NotFoundException(String message) {
        super(message);
    }
}
