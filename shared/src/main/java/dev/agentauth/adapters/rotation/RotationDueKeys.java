package dev.agentauth.adapters.rotation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Connections whose credential has a rotation due time carry {@code due_shard = ROTATION_DUE}
 * and {@code due_at} (same fixed-width format as accounts) in the refresh-due index; notices
 * sent are remembered as {@code pk = TENANT#<tenant>}, {@code sk = ROTATION_DUE#<connection>#<due_at>}.
 */
public final class RotationDueKeys {

    public static final String SHARD = "ROTATION_DUE";
    private static final DateTimeFormatter DUE_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private RotationDueKeys() {}

    public static String dueAt(Instant at) {
        return DUE_AT.format(at);
    }

    static String noticePk(String tenantId) {
        return "TENANT#" + tenantId;
    }

    static String noticeSk(String connectionId, Instant dueAt) {
        return "ROTATION_DUE#" + connectionId + "#" + dueAt(dueAt);
    }
}
