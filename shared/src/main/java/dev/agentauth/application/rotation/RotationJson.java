package dev.agentauth.application.rotation;

import dev.agentauth.domain.connection.CredentialSummary;
import dev.agentauth.domain.rotation.CredentialRotation;
import dev.agentauth.domain.rotation.RotationStep;
import java.util.LinkedHashMap;
import java.util.Map;

/** The API view of a rotation: ids, outcome, reason and the credential summary in use; never a secret. */
public final class RotationJson {

    private RotationJson() {}

    public static Map<String, Object> view(CredentialRotation r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rotation_id", r.rotationId());
        out.put("connection_id", r.connectionId());
        out.put("outcome", switch (r.step()) {
            case COMPLETED -> "rotated";
            case FAILED -> "failed";
            case ROLLED_BACK -> "rolled_back";
            default -> "in_progress";
        });
        out.put("step", r.step().wire());
        out.put("reason", r.failureReason());
        CredentialSummary inUse = r.step() == RotationStep.COMPLETED ? r.promoted()
                : r.step() == RotationStep.ROLLED_BACK || r.step() == RotationStep.FAILED ? r.replaced() : null;
        out.put("credential", inUse == null ? null : summary(inUse));
        out.put("started_at", r.startedAt().toString());
        out.put("updated_at", r.updatedAt().toString());
        return out;
    }

    private static Map<String, Object> summary(CredentialSummary s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("set", s.set());
        out.put("last4", s.last4());
        out.put("updated_at", s.updatedAt() == null ? null : s.updatedAt().toString());
        return out;
    }
}
