package dev.agentauth.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntityTagTest {

    private static ApiRequest withIfMatch(String value) {
        return new ApiRequest("PATCH", "/v1/connections/x", Map.of(), Map.of(),
                value == null ? Map.of() : Map.of("if-match", value), null, "r", null);
    }

    @Test
    void readsQuotedWeakAndBareVersions() {
        assertEquals("\"3\"", EntityTag.of(3));
        assertEquals(Optional.of(3L), EntityTag.ifMatch(withIfMatch("\"3\"")));
        assertEquals(Optional.of(3L), EntityTag.ifMatch(withIfMatch("W/\"3\"")));
        assertEquals(Optional.of(3L), EntityTag.ifMatch(withIfMatch("3")));
    }

    @Test
    void anyVersionWhenAbsentOrStarAndNoVersionWhenUnparsable() {
        assertEquals(Optional.empty(), EntityTag.ifMatch(withIfMatch(null)));
        assertEquals(Optional.empty(), EntityTag.ifMatch(withIfMatch("*")));
        assertEquals(Optional.of(-1L), EntityTag.ifMatch(withIfMatch("\"abc\"")));
    }
}
