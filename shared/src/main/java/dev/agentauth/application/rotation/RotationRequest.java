package dev.agentauth.application.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.domain.FieldError;
import dev.agentauth.domain.ValidationException;
import dev.agentauth.domain.connection.AuthType;
import dev.agentauth.domain.connection.SecretValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v1/connections/{id}/credentials}, shaped like the credential part of
 * a connection: {@code {"oauth":{"client_secret":"..."}}} or {@code {"api_key":{"key":"..."}}}.
 * Every problem is reported at once; the value itself never appears in an error.
 */
public record RotationRequest(AuthType authType, SecretValue value) {

    static final int MAX_SECRET_LENGTH = 4096;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,64}");

    public static RotationRequest parse(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("oauth") && !name.equals("api_key")) errors.add(new FieldError(name, "unknown field"));
        }
        boolean oauth = body.has("oauth");
        boolean apiKey = body.has("api_key");
        if (oauth == apiKey) {
            errors.add(new FieldError("oauth", "give exactly one of oauth.client_secret and api_key.key"));
            throw new ValidationException(errors);
        }
        String object = oauth ? "oauth" : "api_key";
        String field = oauth ? "client_secret" : "key";
        JsonNode holder = body.get(object);
        String value = null;
        if (!holder.isObject()) {
            errors.add(new FieldError(object, "must be an object"));
        } else {
            for (Iterator<String> names = holder.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals(field)) errors.add(new FieldError(object + "." + name, "unknown field"));
            }
            JsonNode node = holder.get(field);
            if (node == null || !node.isTextual() || node.asText().isBlank()) {
                errors.add(new FieldError(object + "." + field, "a non-empty string is required"));
            } else if (node.asText().length() > MAX_SECRET_LENGTH) {
                errors.add(new FieldError(object + "." + field, "at most " + MAX_SECRET_LENGTH + " characters"));
            } else {
                value = node.asText();
            }
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new RotationRequest(oauth ? AuthType.OAUTH2 : AuthType.API_KEY, new SecretValue(value));
    }

    /** An {@code Idempotency-Key} becomes the rotation id, so a repeated request resumes the same rotation. */
    public static Optional<String> rotationId(Optional<String> idempotencyKey) {
        return idempotencyKey.map(key -> {
            if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
                throw ValidationException.of("Idempotency-Key", "8 to 64 letters, digits or _ . : -");
            }
            return "rot_" + key;
        });
    }
}
