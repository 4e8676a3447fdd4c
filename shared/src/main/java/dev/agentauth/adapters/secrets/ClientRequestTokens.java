package dev.agentauth.adapters.secrets;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Secrets Manager accepts a {@code ClientRequestToken} of 32 to 64 characters; the project's
 * request tokens (an Idempotency-Key of 8 to 64 characters, a rotation id) may be shorter. A token
 * that fits is passed as it is; any other is mapped to a name-based UUID of itself, so the same
 * request token always gives the same secret version (a retry stays idempotent).
 */
final class ClientRequestTokens {

    private static final Pattern FITS = Pattern.compile("[A-Za-z0-9_.:-]{32,64}");

    private ClientRequestTokens() {}

    static String of(String requestToken) {
        if (FITS.matcher(requestToken).matches()) return requestToken;
        return UUID.nameUUIDFromBytes(("agentauth-request:" + requestToken).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
