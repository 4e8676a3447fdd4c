package dev.agentauth.application.testing;

/**
 * Why a connection test failed, in the words API.md gives the user (and the product page's
 * troubleshooting list): each names what to fix.
 */
public enum FailureCause {
    INVALID_CREDENTIALS("invalid credentials"),
    INCORRECT_SCOPES("incorrect scopes"),
    INCORRECT_ENDPOINT_URL("incorrect endpoint URL"),
    PROVIDER_UNREACHABLE("provider unreachable"),
    RATE_LIMITED("rate limited"),
    TARGET_NOT_ALLOWED("target not allowed"),
    PROVIDER_ERROR("provider error"),
    MISSING_SETTINGS("missing required settings");

    private final String words;

    FailureCause(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
