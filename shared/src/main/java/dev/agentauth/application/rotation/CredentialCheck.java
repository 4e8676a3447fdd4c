package dev.agentauth.application.rotation;

import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.SecretValue;

/**
 * Port: tests a candidate credential against the provider as the connection test does, without
 * storing it: the candidate is used in place of the connection's current credential.
 */
public interface CredentialCheck {

    Result check(Connection connection, SecretValue candidate);

    /** Passed, or failed with a reason a user can act on (invalid credentials, provider unreachable, ...). */
    record Result(boolean passed, String reason) {
        public static Result pass() {
            return new Result(true, null);
        }

        public static Result fail(String reason) {
            return new Result(false, reason);
        }
    }
}
