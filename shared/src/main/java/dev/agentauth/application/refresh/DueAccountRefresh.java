package dev.agentauth.application.refresh;

import dev.agentauth.application.accounts.AccountRepository;
import dev.agentauth.application.accounts.OAuthClient;
import dev.agentauth.application.accounts.OAuthClients;
import dev.agentauth.application.accounts.RefreshPolicy;
import dev.agentauth.application.accounts.RequestContext;
import dev.agentauth.application.accounts.StoredAccount;
import dev.agentauth.application.accounts.TokenRefresher;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.ProviderUnavailableException;
import dev.agentauth.domain.account.AccountStatus;
import dev.agentauth.domain.connection.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;

/**
 * Refreshes one due account through the {@link TokenRefresher} (the token route's single-flight
 * refresher: one refresh in flight per account, whoever starts it) and makes sure the account
 * leaves the due set: refreshed accounts get their next due time from the refresher; accounts
 * it leaves due (a provider failure, a token that cannot be refreshed) are pushed to their
 * cooldown end or next probe; accounts that must not be refreshed are taken out or pushed out.
 */
public final class DueAccountRefresh implements AccountRefresh {

    static final RequestContext SCHEDULER = new RequestContext("system:refresher", "scheduled-refresh");

    private final AccountRepository accounts;
    private final ConnectionRepository connections;
    private final OAuthClients clients;
    private final TokenRefresher refresher;
    private final RefreshPolicy policy;
    private final RefreshSettings settings;
    private final Clock clock;

    @Inject
    public DueAccountRefresh(AccountRepository accounts, ConnectionRepository connections, OAuthClients clients,
            TokenRefresher refresher, RefreshPolicy policy, RefreshSettings settings, Clock clock) {
        this.accounts = accounts;
        this.connections = connections;
        this.clients = clients;
        this.refresher = refresher;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public RefreshOutcome refresh(DueAccount due) {
        Optional<StoredAccount> found = accounts.find(due.tenantId(), due.accountId());
        if (found.isEmpty()) return RefreshOutcome.NOT_DUE;
        StoredAccount stored = found.get();
        Instant now = clock.instant();
        Instant horizon = now.plus(settings.lookAhead());
        if (stored.refreshDueAt() == null || stored.refreshDueAt().isAfter(horizon)) {
            return RefreshOutcome.NOT_DUE; // a sibling refreshed it since the index was read
        }
        if (stored.account().status() != AccountStatus.ACTIVE) {
            reschedule(stored, null); // nothing to refresh until the user authorises again
            return RefreshOutcome.SKIPPED;
        }
        Optional<Connection> connection = connections.find(due.tenantId(), stored.account().connectionId());
        Optional<OAuthClient> client = connection.flatMap(clients::of); // one read of the connection, not two
        if (client.isEmpty()) {
            reschedule(stored, null); // the connection is gone or not OAuth: never due again
            return RefreshOutcome.SKIPPED;
        }
        if (!connection.get().settings().autoRefresh() || !client.get().active()) {
            // looked at again later: the owner may turn auto refresh (or the connection) back on
            reschedule(stored, now.plus(policy.probeInterval()));
            return RefreshOutcome.SKIPPED;
        }
        if (stored.coolingDownAt(now)) {
            // backing off after a provider failure: retried when the cooldown ends, not before
            reschedule(stored, stored.cooldownUntil());
            return RefreshOutcome.NOT_DUE;
        }
        return refreshActive(stored, client.get(), now);
    }

    private RefreshOutcome refreshActive(StoredAccount stored, OAuthClient client, Instant now) {
        // due before the next run: refresh now rather than let it expire between two runs
        StoredAccount dueNow = stored.refreshDueAt().isAfter(now) ? withDue(stored, now) : stored;
        try {
            TokenRefresher.Fresh fresh = refresher.fresh(dueNow, client, TokenRefresher.Trigger.SCHEDULED, SCHEDULER);
            if (refreshedSince(stored, fresh.account())) {
                return fresh.account().account().expiresAt() == null ? RefreshOutcome.PROBED : RefreshOutcome.REFRESHED;
            }
        } catch (ProviderUnavailableException e) {
            return afterFailure(stored);
        } catch (ConflictException e) {
            StoredAccount latest = accounts.find(stored.account().tenantId(), stored.account().id()).orElse(stored);
            return latest.account().status() == AccountStatus.REAUTH_REQUIRED
                    ? RefreshOutcome.REAUTH_REQUIRED
                    : RefreshOutcome.SKIPPED;
        }
        return afterFailure(stored);
    }

    /**
     * The refresher answered without new tokens: it failed and is backing off (the token is still
     * valid), a sibling holds the lease, or the token cannot be refreshed (no refresh token).
     */
    private RefreshOutcome afterFailure(StoredAccount before) {
        StoredAccount latest = accounts.find(before.account().tenantId(), before.account().id()).orElse(null);
        if (latest == null) return RefreshOutcome.NOT_DUE;
        if (latest.account().status() == AccountStatus.REAUTH_REQUIRED) return RefreshOutcome.REAUTH_REQUIRED;
        Instant now = clock.instant();
        if (latest.refreshDueAt() == null || latest.refreshDueAt().isAfter(now.plus(settings.lookAhead()))) {
            return refreshedSince(before, latest) ? RefreshOutcome.REFRESHED : RefreshOutcome.NOT_DUE;
        }
        if (latest.consecutiveFailures() > before.consecutiveFailures() || latest.coolingDownAt(now)) {
            Instant retryAt = latest.cooldownUntil() != null && latest.cooldownUntil().isAfter(now)
                    ? latest.cooldownUntil()
                    : now.plus(policy.cooldown());
            reschedule(latest, retryAt);
            return RefreshOutcome.FAILED;
        }
        if (latest.tokens() == null || latest.tokens().refreshToken() == null) {
            // nothing to refresh with: the token is tracked and looked at again, never forgotten
            reschedule(latest, now.plus(policy.probeInterval()));
            return RefreshOutcome.PROBED;
        }
        return RefreshOutcome.NOT_DUE; // a sibling holds the lease; it stores the next due time
    }

    /**
     * Moves the account's due time under its own lease, so this write never overtakes a refresh
     * in flight; when the lease is taken, the holder stores the due time itself.
     */
    private void reschedule(StoredAccount stored, Instant nextDue) {
        if (Objects.equals(stored.refreshDueAt(), nextDue)) return;
        Instant now = clock.instant();
        String owner = "refresher-" + UUID.randomUUID();
        var account = stored.account();
        if (stored.leasedAt(now)
                || !accounts.acquireLease(account.tenantId(), account.id(), stored.version(), owner, now.plus(Duration.ofSeconds(30)), now)) {
            return;
        }
        if (!accounts.replace(withDue(stored, nextDue), stored.version(), Optional.of(owner))) {
            accounts.releaseLease(account.tenantId(), account.id(), owner);
        }
    }

    private static boolean refreshedSince(StoredAccount before, StoredAccount after) {
        Instant was = before.account().lastRefreshedAt();
        Instant is = after.account().lastRefreshedAt();
        return is != null && (was == null || is.isAfter(was));
    }

    private static StoredAccount withDue(StoredAccount s, Instant due) {
        return new StoredAccount(s.account(), s.tokens(), due, s.leaseOwner(), s.leaseUntil(), s.cooldownUntil(),
                s.consecutiveFailures());
    }
}
