package dev.agentauth.application.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.domain.FieldError;
import dev.agentauth.domain.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads typed values out of a JSON object and collects every problem with its path
 * ({@code oauth.client_secret}, {@code scopes[1]}) instead of stopping at the first. Absent and
 * {@code null} read alike: as "not given".
 */
final class FieldReader {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final List<FieldError> errors = new ArrayList<>();

    static String path(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) throw new ValidationException(errors);
    }

    /** Reports every member of {@code object} not in {@code allowed}. */
    void onlyKnown(JsonNode object, String parent, Set<String> allowed) {
        object.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) error(path(parent, name), "unknown field");
        });
    }

    static boolean given(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        return value != null && !value.isNull();
    }

    /** A nested object, or null when not given (or not an object, which is reported). */
    ObjectNode object(JsonNode parent, String name, String parentPath) {
        if (!given(parent, name)) return null;
        JsonNode value = parent.get(name);
        if (value instanceof ObjectNode object) return object;
        error(path(parentPath, name), "must be an object");
        return null;
    }

    String string(JsonNode parent, String name, String parentPath, int maxLength, boolean required) {
        String field = path(parentPath, name);
        if (!given(parent, name)) {
            if (required) error(field, "is required");
            return null;
        }
        JsonNode value = parent.get(name);
        if (!value.isTextual()) {
            error(field, "must be a string");
            return null;
        }
        String text = value.asText();
        if (required && text.isBlank()) {
            error(field, "must not be empty");
            return null;
        }
        if (text.length() > maxLength) {
            error(field, "must be at most " + maxLength + " characters");
            return null;
        }
        if (CONTROL.matcher(text).find()) {
            error(field, "must not contain control characters");
            return null;
        }
        return text;
    }

    /** A string matching {@code pattern}; {@code rule} says in words what the pattern allows. */
    String matching(JsonNode parent, String name, String parentPath, int maxLength, boolean required, Pattern pattern,
            String rule) {
        String text = string(parent, name, parentPath, maxLength, required);
        if (text != null && !pattern.matcher(text).matches()) {
            error(path(parentPath, name), rule);
            return null;
        }
        return text;
    }

    Long integer(JsonNode parent, String name, String parentPath, long min, long max) {
        if (!given(parent, name)) return null;
        String field = path(parentPath, name);
        JsonNode value = parent.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            error(field, "must be a whole number");
            return null;
        }
        long number = value.asLong();
        if (number < min || number > max) {
            error(field, "must be between " + min + " and " + max);
            return null;
        }
        return number;
    }

    Boolean bool(JsonNode parent, String name, String parentPath) {
        if (!given(parent, name)) return null;
        JsonNode value = parent.get(name);
        if (!value.isBoolean()) {
            error(path(parentPath, name), "must be true or false");
            return null;
        }
        return value.asBoolean();
    }

    /**
     * An array of strings, or null when not given or not an array. Invalid elements are reported
     * at {@code field[i]} and left null in the answer, so callers keep the indexes for further checks.
     */
    List<String> strings(JsonNode parent, String name, String parentPath, int maxItems, int maxLength) {
        if (!given(parent, name)) return null;
        String field = path(parentPath, name);
        JsonNode value = parent.get(name);
        if (!value.isArray()) {
            error(field, "must be an array of strings");
            return null;
        }
        if (value.size() > maxItems) {
            error(field, "must have at most " + maxItems + " items");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementField = field + "[" + i + "]";
            String text = element.isTextual() ? element.asText() : null;
            if (text == null || text.isBlank()) {
                error(elementField, "must be a non-empty string");
                text = null;
            } else if (text.length() > maxLength) {
                error(elementField, "must be at most " + maxLength + " characters");
                text = null;
            } else if (CONTROL.matcher(text).find()) {
                error(elementField, "must not contain control characters");
                text = null;
            } else if (out.contains(text)) {
                error(elementField, "is listed twice");
                text = null;
            }
            out.add(text);
        }
        return out;
    }

    /** An object of string values; keys must match {@code keyPattern}. Invalid entries are reported and left out. */
    Map<String, String> stringMap(JsonNode parent, String name, String parentPath, int maxEntries, Pattern keyPattern,
            String keyRule, int maxValueLength) {
        ObjectNode object = object(parent, name, parentPath);
        if (object == null) return null;
        String field = path(parentPath, name);
        if (object.size() > maxEntries) {
            error(field, "must have at most " + maxEntries + " entries");
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var entry : object.properties()) {
            String entryField = path(field, entry.getKey());
            if (!keyPattern.matcher(entry.getKey()).matches()) {
                error(entryField, keyRule);
            } else if (!entry.getValue().isTextual()) {
                error(entryField, "must be a string");
            } else if (entry.getValue().asText().length() > maxValueLength) {
                error(entryField, "must be at most " + maxValueLength + " characters");
            } else if (CONTROL.matcher(entry.getValue().asText()).find()) {
                error(entryField, "must not contain control characters");
            } else {
                out.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return out;
    }
}
