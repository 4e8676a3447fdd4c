package dev.agentauth.application.accounts;

import dev.agentauth.domain.account.Account;
import java.time.Instant;

/**
 * An account with what only the server side sees: its sealed tokens, when the refresher should
 * look at it ({@code refreshDueAt}, null when nothing is due), the refresh lease and the
 * back-off after provider failures.
 */
public record StoredAccount(
        Account account,
        StoredTokens tokens,
        Instant refreshDueAt,
        String leaseOwner,
        Instant leaseUntil,
        Instant cooldownUntil,
        int consecutiveFailures) {

    public static StoredAccount pending(Account account) {
        return new StoredAccount(account, null, null, null, null, null, 0);
    }

    public long version() {
        return account.version();
    }

    public boolean leasedAt(Instant now) {
        return leaseOwner != null && leaseUntil != null && leaseUntil.isAfter(now);
    }

    public boolean coolingDownAt(Instant now) {
        return cooldownUntil != null && cooldownUntil.isAfter(now);
    }

    public StoredAccount withAccount(Account updated) {
        return new StoredAccount(updated, tokens, refreshDueAt, leaseOwner, leaseUntil, cooldownUntil, consecutiveFailures);
    }

    public StoredAccount withTokens(Account updated, StoredTokens newTokens, Instant dueAt) {
        return new StoredAccount(updated, newTokens, dueAt, null, null, null, 0);
    }

    public StoredAccount withFailure(Account updated, Instant cooldown, int failures) {
        return new StoredAccount(updated, tokens, refreshDueAt, null, null, cooldown, failures);
    }

    public StoredAccount withoutTokens(Account updated) {
        return new StoredAccount(updated, null, null, null, null, null, consecutiveFailures);
    }
}
