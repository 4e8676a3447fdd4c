package dev.agentauth.application.refresh;

/** What refreshing one due account came to. */
public enum RefreshOutcome {
    /** New tokens stored. */
    REFRESHED,
    /** A token without expiry was probed and still works; probed again later. */
    PROBED,
    /** Nothing to do any more: a sibling refreshed it, or it is no longer due. */
    NOT_DUE,
    /** Not refreshed on purpose (auto refresh off, connection inactive, account revoked). */
    SKIPPED,
    /** The provider failed (5xx, 429, timeout); retried after a cooldown, never marked dead. */
    FAILED,
    /** The provider rejected the grant: the user must authorise again. */
    REAUTH_REQUIRED
}
