package dev.agentauth.http;

import dev.agentauth.config.Environment;
import java.util.Map;

/**
 * A complete function environment whose AWS endpoint refuses connections: for handler tests of
 * what a route decides before any AWS call (authentication, scopes, input parsing).
 */
public final class UnreachableAwsEnvironment {

    private UnreachableAwsEnvironment() {}

    public static Environment create() {
        return Environment.of(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing", "AGENTAUTH_TABLE_NAME", "t",
                "AGENTAUTH_KMS_KEY_ID", "alias/k", "AGENTAUTH_EVENT_BUS_NAME", "b", "AGENTAUTH_SECRET_PREFIX", "agentauth/x/"));
    }
}
