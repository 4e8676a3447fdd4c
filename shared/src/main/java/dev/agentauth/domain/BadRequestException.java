package dev.agentauth.domain;

/** The request is malformed (not JSON, wrong content type, bad query parameter). */
public final class BadRequestException extends DomainException {
    public BadRequestException(String message) {
        super(message);
    }
}
