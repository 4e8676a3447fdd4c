package dev.agentauth.application.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentauth.domain.FieldError;
import dev.agentauth.domain.ValidationException;
import dev.agentauth.domain.connection.AuthType;
import dev.agentauth.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotationRequestTest {

    @Test
    void acceptsAClientSecretOrAnApiKey() {
        RotationRequest oauth = RotationRequest.parse(Json.parse("{\"oauth\":{\"client_secret\":\"s3cr3t-value\"}}"));
        RotationRequest apiKey = RotationRequest.parse(Json.parse("{\"api_key\":{\"key\":\"k3y-value\"}}"));

        assertEquals(AuthType.OAUTH2, oauth.authType());
        assertEquals("s3cr3t-value", oauth.value().reveal());
        assertEquals(AuthType.API_KEY, apiKey.authType());
    }

    @Test
    void listsEveryProblemWithoutRepeatingTheValue() {
        ValidationException e = assertThrows(ValidationException.class, () -> RotationRequest.parse(
                Json.parse("{\"oauth\":{\"client_secret\":\"\",\"client_id\":\"x\"},\"name\":\"n\"}")));

        assertEquals(3, e.errors().size());
        assertEquals("name", e.errors().getFirst().field());
        assertFalse(e.errors().stream().map(FieldError::message).anyMatch(m -> m.contains("x\"")));
    }

    @Test
    void needsExactlyOneCredential() {
        assertThrows(ValidationException.class, () -> RotationRequest.parse(Json.parse("{}")));
        assertThrows(ValidationException.class, () -> RotationRequest.parse(
                Json.parse("{\"oauth\":{\"client_secret\":\"a\"},\"api_key\":{\"key\":\"b\"}}")));
    }

    @Test
    void anIdempotencyKeyBecomesTheRotationId() {
        assertEquals(Optional.of("rot_retry-2026-01-01"), RotationRequest.rotationId(Optional.of("retry-2026-01-01")));
        assertEquals(Optional.empty(), RotationRequest.rotationId(Optional.empty()));
        assertThrows(ValidationException.class, () -> RotationRequest.rotationId(Optional.of("bad key with spaces")));
    }
}
