package dev.agentauth.application.refresh;

/**
 * Port: refreshes one due account through the single-flight refresher the token endpoint uses
 * too, so one account is never refreshed twice at once whichever path starts it. The
 * implementation stores the account's next due time itself (the new expiry minus the refresh
 * buffer, a probe time for tokens without expiry, a cooldown after a failure) or takes the
 * account out of the index (auto refresh off, re-authorisation required, revoked), so a due
 * account is never found again unchanged.
 */
public interface AccountRefresh {

    RefreshOutcome refresh(DueAccount account);
}
