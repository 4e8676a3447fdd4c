package dev.agentauth.application.rotation;

import dev.agentauth.domain.Caller;
import dev.agentauth.domain.connection.AuthType;
import dev.agentauth.domain.connection.SecretValue;
import java.util.Optional;

/**
 * A request to rotate a connection's credential to {@code newValue}. {@code rotationId}, when
 * the caller gives one (an Idempotency-Key), makes a repeated request resume the same rotation.
 */
public record RotationCommand(Caller caller, String connectionId, SecretValue newValue, Optional<String> rotationId,
        String requestId, Optional<AuthType> authType) {

    public RotationCommand(Caller caller, String connectionId, SecretValue newValue, Optional<String> rotationId, String requestId) {
        this(caller, connectionId, newValue, rotationId, requestId, Optional.empty());
    }

    public static RotationCommand of(Caller caller, String connectionId, RotationRequest request, Optional<String> rotationId,
            String requestId) {
        return new RotationCommand(caller, connectionId, request.value(), rotationId, requestId, Optional.of(request.authType()));
    }
}
