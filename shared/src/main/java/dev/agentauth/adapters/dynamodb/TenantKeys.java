package dev.agentauth.adapters.dynamodb;

/** The prefix every tenant-scoped key starts with. */
public final class TenantKeys {

    private TenantKeys() {}

    public static String tenant(String tenantId) {
        return "TENANT#" + tenantId;
    }
}
