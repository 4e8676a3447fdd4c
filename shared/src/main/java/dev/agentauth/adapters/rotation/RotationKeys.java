package dev.agentauth.adapters.rotation;

/**
 * Key format of rotation records: {@code pk = TENANT#<tenant>}, {@code sk = ROTATION#<connection>}
 * (the latest rotation of each connection). While a rotation is open the item is also in gsi1
 * under {@code gsi1pk = ROTATION#OPEN}, {@code gsi1sk = <updated_at>#<tenant>#<connection>}
 * (a sparse entry, removed when the rotation finishes), so interrupted rotations are found
 * without a scan.
 */
final class RotationKeys {

    static final String OPEN_PK = "ROTATION#OPEN";

    private RotationKeys() {}

    static String pk(String tenantId) {
        return "TENANT#" + tenantId;
    }

    static String sk(String connectionId) {
        return "ROTATION#" + connectionId;
    }

    static String openSk(String updatedAt, String tenantId, String connectionId) {
        return updatedAt + "#" + tenantId + "#" + connectionId;
    }
}
