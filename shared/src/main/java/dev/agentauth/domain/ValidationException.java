package dev.agentauth.domain;

import java.util.List;

/** Valid JSON that breaks the rules; lists every problem at once. */
public final class ValidationException extends DomainException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.size() + " field(s) are invalid");
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
