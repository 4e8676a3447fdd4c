package dev.agentauth.adapters.connections;

import dev.agentauth.adapters.dynamodb.TenantKeys;

/**
 * Key formats of the connection aggregate in the single table:
 * <pre>
 * connection      pk TENANT#t#CONNECTION#id          sk CONNECTION
 *                 gsi1pk TENANT#t#CONNECTIONS        gsi1sk CREATED#epochMillis#id (the tenant's list)
 * version n       pk TENANT#t#CONNECTION#id          sk VERSION#n (zero-padded)
 * name lock       pk TENANT#t#CONNECTION_NAME#env#name  sk NAME (unique name per tenant + environment)
 * idempotency     pk TENANT#t#IDEMPOTENCY#key        sk CREATE_CONNECTION (expires after a day)
 * </pre>
 */
final class ConnectionKeys {

    static final String CONNECTION_SK = "CONNECTION";
    static final String NAME_SK = "NAME";
    static final String IDEMPOTENCY_SK = "CREATE_CONNECTION";
    static final String VERSION_PREFIX = "VERSION#";

    private ConnectionKeys() {}

    static String partition(String tenantId, String connectionId) {
        return TenantKeys.tenant(tenantId) + "#CONNECTION#" + connectionId;
    }

    static String listPartition(String tenantId) {
        return TenantKeys.tenant(tenantId) + "#CONNECTIONS";
    }

    static String listSort(long createdEpochMillis, String connectionId) {
        return "CREATED#" + String.format("%015d", createdEpochMillis) + "#" + connectionId;
    }

    static String versionSort(long version) {
        return VERSION_PREFIX + String.format("%012d", version);
    }

    static String namePartition(String tenantId, String environment, String name) {
        return TenantKeys.tenant(tenantId) + "#CONNECTION_NAME#" + environment + "#" + name;
    }

    static String idempotencyPartition(String tenantId, String key) {
        return TenantKeys.tenant(tenantId) + "#IDEMPOTENCY#" + key;
    }

    /** Every key of this tenant starts with this (the '#' keeps tenant "a" out of tenant "ab"). */
    static String tenantPrefix(String tenantId) {
        return TenantKeys.tenant(tenantId) + "#";
    }
}
