package dev.agentauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

class AwsModuleTest {

    @Test
    void takesAccessKeysFromTheInjectedEnvironmentNotTheProcess() {
        Environment environment = Environment.of(Map.of("AWS_ACCESS_KEY_ID", "AKIDLOCAL", "AWS_SECRET_ACCESS_KEY", "secret"));

        AwsCredentials credentials = AwsModule.credentials(environment).resolveCredentials();

        assertEquals("AKIDLOCAL", credentials.accessKeyId());
    }

    @Test
    void keepsTheSessionTokenOfTemporaryCredentials() {
        Environment environment = Environment.of(Map.of("AWS_ACCESS_KEY_ID", "ASIALOCAL",
                "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token"));

        AwsCredentials credentials = AwsModule.credentials(environment).resolveCredentials();

        assertEquals("token", assertInstanceOf(AwsSessionCredentials.class, credentials).sessionToken());
    }
}
