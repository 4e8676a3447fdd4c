package dev.agentauth.http;

import dev.agentauth.domain.FieldError;
import java.util.List;

/** RFC 9457 problem details, as API.md spells them. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }
}
