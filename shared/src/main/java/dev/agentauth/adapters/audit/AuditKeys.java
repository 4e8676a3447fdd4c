package dev.agentauth.adapters.audit;

import dev.agentauth.adapters.dynamodb.TenantKeys;

/**
 * Key formats of audit records:
 * <pre>
 * record          pk TENANT#t#AUDIT                   sk epochMillis#uuid (newest first by query order)
 *                 gsi1pk TENANT#t#AUDIT#CONNECTION#id gsi1sk same as sk (when about a connection)
 * account copy    pk TENANT#t#AUDIT#ACCOUNT#id        sk same as sk (when about an account)
 * </pre>
 */
final class AuditKeys {

    private AuditKeys() {}

    static String tenantPartition(String tenantId) {
        return TenantKeys.tenant(tenantId) + "#AUDIT";
    }

    static String connectionPartition(String tenantId, String connectionId) {
        return TenantKeys.tenant(tenantId) + "#AUDIT#CONNECTION#" + connectionId;
    }

    static String accountPartition(String tenantId, String accountId) {
        return TenantKeys.tenant(tenantId) + "#AUDIT#ACCOUNT#" + accountId;
    }

    static String sort(long epochMillis, String unique) {
        return String.format("%015d", epochMillis) + "#" + unique;
    }
}
