package dev.agentauth.application.accounts;

import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.domain.ProviderUnavailableException;
import dev.agentauth.domain.account.Account;
import dev.agentauth.domain.account.AccountStatus;
import dev.agentauth.domain.account.TokenSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an account's tokens fresh with at most one refresh in flight per account across all
 * Lambdas. Used by the token route (on demand) and the scheduled refresher.
 *
 * <ol>
 *   <li>A refresh runs only under the account's lease, taken with a condition on the version
 *       read and on no unexpired lease. The status stays {@code active} meanwhile.</li>
 *   <li>Callers that lose the lease poll (bounded back-off) and re-read until the winner's
 *       write appears, then use the winner's token: an optimistic-lock loss never reaches a
 *       caller.</li>
 *   <li>The new refresh token is persisted (conditional on version and lease, retried) before
 *       the new access token is handed out; when it cannot be persisted the account becomes
 *       {@code error} with an event, never silently broken.</li>
 *   <li>A response without a refresh token keeps the stored one.</li>
 *   <li>{@code invalid_grant} is re-checked against a sibling's success before the account
 *       becomes {@code reauth_required}; transient failures set a cooldown and keep it active.</li>
 * </ol>
 */
public final class TokenRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRefresher.class);
    private static final int PERSIST_ATTEMPTS = 3;

    /** Why a refresh is considered. */
    public enum Trigger {
        /** a caller wants a token: refresh when inside the refresh buffer */
        ON_DEMAND,
        /** the schedule found the account due (including probes of tokens without expiry) */
        SCHEDULED
    }

    /** Tokens fit to hand out, and the account as stored with them. */
    public record Fresh(StoredAccount account, TokenSet tokens) {}

    private final AccountRepository accounts;
    private final TokenSealer sealer;
    private final TokenEndpoint endpoint;
    private final AccountEvents events;
    private final AuditLog audit;
    private final Clock clock;
    private final RefreshPolicy policy;

    @Inject
    public TokenRefresher(AccountRepository accounts, TokenSealer sealer, TokenEndpoint endpoint, AccountEvents events,
            AuditLog audit, Clock clock, RefreshPolicy policy) {
        this.accounts = accounts;
        this.sealer = sealer;
        this.endpoint = endpoint;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * Answers usable tokens for {@code read}, refreshing first when due.
     *
     * @throws ConflictException when the account is not active (pending, reauth_required, ...)
     * @throws ProviderUnavailableException when the token expired and cannot be refreshed now
     */
    public Fresh fresh(StoredAccount read, OAuthClient client, Trigger trigger, RequestContext request) {
        StoredAccount current = read;
        Instant deadline = clock.instant().plus(policy.maxWait());
        int attempt = 0;
        while (true) {
            Instant now = clock.instant();
            requireActive(current.account());
            if (!due(current, client, trigger, now)) return new Fresh(current, open(current));
            if (current.coolingDownAt(now)) return stillValidOr(current, now,
                    new ProviderUnavailableException("the provider failed recently; the token refresh is backing off",
                            Duration.between(now, current.cooldownUntil())));
            if (current.tokens() == null || current.tokens().refreshToken() == null) {
                if (trigger == Trigger.SCHEDULED || usable(current, now)) return new Fresh(current, open(current));
                throw markReauth(current, Optional.empty(), "the token expired and the provider gave no refresh token", request);
            }
            String owner = UUID.randomUUID().toString();
            if (!current.leasedAt(now)
                    && accounts.acquireLease(current.account().tenantId(), current.account().id(), current.version(), owner,
                            now.plus(policy.lease()), now)) {
                Optional<Fresh> refreshed = refreshUnderLease(current, client, owner, request);
                if (refreshed.isPresent()) return refreshed.get();
                // a sibling rotated the token while we held a stale copy: start over from the store
            } else {
                if (!now.isBefore(deadline)) return stillValidOr(current, now,
                        new ProviderUnavailableException("a token refresh is in progress", Duration.ofSeconds(1)));
                sleep(policy.poll(attempt++));
            }
            current = reread(current);
        }
    }

    /** Whether a scheduled or on-demand look should refresh this account now. */
    public boolean due(StoredAccount stored, OAuthClient client, Trigger trigger, Instant now) {
        Account account = stored.account();
        if (trigger == Trigger.SCHEDULED) {
            return stored.refreshDueAt() != null && !stored.refreshDueAt().isAfter(now);
        }
        return account.expiresAt() != null && !account.expiresAt().minus(client.refreshBuffer()).isAfter(now);
    }

    /** Returns Optional.empty() when a sibling's rotation was found and the caller should re-read. */
    private Optional<Fresh> refreshUnderLease(StoredAccount current, OAuthClient client, String owner, RequestContext request) {
        Account account = current.account();
        TokenSet old = sealer.open(account, current.tokens());
        TokenSet issued;
        try {
            issued = endpoint.refresh(client, old.refreshToken());
        } catch (TokenEndpoint.TokenEndpointException e) {
            return switch (e.failure()) {
                case INVALID_GRANT -> invalidGrant(current, owner, request);
                case TRANSIENT, REJECTED -> Optional.of(failed(current, owner, e, request));
            };
        } catch (RuntimeException e) {
            accounts.releaseLease(account.tenantId(), account.id(), owner);
            throw e;
        }
        Instant now = clock.instant();
        TokenSet merged = issued.keepingRefreshTokenOf(old);
        Account refreshed = account.withTokens(merged.scopes(), merged.expiresAt(), now, now);
        StoredAccount updated = current.withTokens(refreshed, sealer.seal(refreshed, merged),
                policy.dueAt(merged.expiresAt(), client.refreshBuffer(), now));
        if (!persist(updated, current.version(), owner)) {
            StoredAccount broken = markError(current, "the refreshed tokens could not be stored; re-authorize the account", request);
            throw failure(broken);
        }
        StoredAccount stored = updated.withAccount(withVersion(refreshed, current.version() + 1));
        if (current.consecutiveFailures() > 0) events.refreshRecovered(stored.account());
        record(stored.account(), "token.refresh", "success", request, Map.of());
        return Optional.of(new Fresh(stored, merged));
    }

    private static ProviderUnavailableException failure(StoredAccount broken) {
        return new ProviderUnavailableException("the token refresh failed; the account " + broken.account().id()
                + " is in error and needs to be re-authorized", Duration.ofSeconds(1));
    }

    /** Conditional write, retried on failures of the store; a lost condition is re-checked, not retried. */
    private boolean persist(StoredAccount updated, long expectedVersion, String owner) {
        Account account = updated.account();
        for (int attempt = 1; attempt <= PERSIST_ATTEMPTS; attempt++) {
            try {
                if (accounts.replace(updated, expectedVersion, Optional.of(owner))) return true;
                // the condition failed: maybe our previous attempt did land before its answer was lost
                return accounts.find(account.tenantId(), account.id())
                        .map(stored -> stored.version() == expectedVersion + 1 && sameRefreshToken(stored, updated))
                        .orElse(false);
            } catch (RuntimeException e) {
                LOG.warn("storing refreshed tokens failed (attempt {}): {}", attempt, e.getClass().getName());
                if (attempt == PERSIST_ATTEMPTS) return false;
                sleep(policy.poll(attempt));
            }
        }
        return false;
    }

    private static boolean sameRefreshToken(StoredAccount stored, StoredAccount written) {
        if (stored.tokens() == null || written.tokens() == null) return false;
        var a = stored.tokens().refreshToken();
        var b = written.tokens().refreshToken();
        return a != null && b != null && Arrays.equals(a.ciphertext(), b.ciphertext());
    }

    private Optional<Fresh> invalidGrant(StoredAccount current, String owner, RequestContext request) {
        Account account = current.account();
        StoredAccount now = accounts.find(account.tenantId(), account.id())
                .orElseThrow(() -> new NotFoundException("no account " + account.id()));
        if (rotatedSince(current, now)) {
            // a sibling refreshed with the same refresh token first: its tokens are the live ones
            accounts.releaseLease(account.tenantId(), account.id(), owner);
            return Optional.empty();
        }
        throw markReauth(now, Optional.of(owner), "the provider refused the refresh token (invalid_grant)", request);
    }

    private static boolean rotatedSince(StoredAccount before, StoredAccount after) {
        if (after.version() != before.version()) return true;
        return !sameRefreshToken(after, before);
    }

    private Fresh failed(StoredAccount current, String owner, TokenEndpoint.TokenEndpointException e, RequestContext request) {
        Instant now = clock.instant();
        int failures = current.consecutiveFailures() + 1;
        Duration cooldown = e.retryAfter().filter(d -> d.compareTo(policy.maxCooldown()) <= 0)
                .map(d -> d.compareTo(policy.cooldownAfter(failures)) > 0 ? d : policy.cooldownAfter(failures))
                .orElse(policy.cooldownAfter(failures));
        String reason = e.getMessage();
        Account account = current.account().with(AccountStatus.ACTIVE, reason, now);
        StoredAccount backingOff = current.withFailure(account, now.plus(cooldown), failures);
        boolean stored = accounts.replace(backingOff, current.version(), Optional.of(owner));
        if (!stored) accounts.releaseLease(account.tenantId(), account.id(), owner);
        events.refreshFailed(account, reason);
        record(account, "token.refresh", "failure", request, Map.of("reason", reason));
        return stillValidOr(backingOff, now, new ProviderUnavailableException(
                "the provider could not refresh the token: " + reason, cooldown));
    }

    private ConflictException markReauth(StoredAccount current, Optional<String> owner, String reason, RequestContext request) {
        StoredAccount marked = current.withoutTokens(current.account().with(AccountStatus.REAUTH_REQUIRED, reason, clock.instant()));
        if (accounts.replace(marked, current.version(), owner)) {
            events.reauthRequired(marked.account(), reason);
            record(marked.account(), "token.refresh", "reauth_required", request, Map.of("reason", reason));
        }
        return new ConflictException("the account " + current.account().id() + " needs to be re-authorized");
    }

    private StoredAccount markError(StoredAccount current, String reason, RequestContext request) {
        Account account = current.account();
        for (int attempt = 0; attempt < PERSIST_ATTEMPTS; attempt++) {
            try {
                StoredAccount latest = accounts.find(account.tenantId(), account.id()).orElse(current);
                StoredAccount marked = latest.withAccount(latest.account().with(AccountStatus.ERROR, reason, clock.instant()));
                if (accounts.replace(marked, latest.version(), Optional.empty())) {
                    events.failed(marked.account(), reason);
                    record(marked.account(), "token.refresh", "error", request, Map.of("reason", reason));
                    return marked;
                }
            } catch (RuntimeException e) {
                LOG.error("could not mark account {} as failed: {}", account.id(), e.getClass().getName());
            }
        }
        // the lease expires, the next refresh meets invalid_grant and marks reauth_required: still not silent
        events.failed(account, reason);
        return current;
    }

    private Fresh stillValidOr(StoredAccount current, Instant now, RuntimeException otherwise) {
        if (usable(current, now)) return new Fresh(current, open(current));
        throw otherwise;
    }

    private static boolean usable(StoredAccount stored, Instant now) {
        Instant expires = stored.account().expiresAt();
        return stored.tokens() != null && (expires == null || expires.isAfter(now));
    }

    private TokenSet open(StoredAccount stored) {
        return sealer.open(stored.account(), stored.tokens());
    }

    private StoredAccount reread(StoredAccount current) {
        Account account = current.account();
        return accounts.find(account.tenantId(), account.id())
                .orElseThrow(() -> new NotFoundException("no account " + account.id()));
    }

    private static void requireActive(Account account) {
        if (account.status() != AccountStatus.ACTIVE) {
            throw new ConflictException("the account " + account.id() + " is " + account.status().wire());
        }
    }

    private static Account withVersion(Account a, long version) {
        return new Account(a.tenantId(), a.id(), a.connectionId(), a.userId(), a.status(), a.grantedScopes(), a.expiresAt(),
                a.lastRefreshedAt(), a.lastError(), version, a.createdAt(), a.updatedAt());
    }

    private void record(Account account, String action, String outcome, RequestContext request, Map<String, String> detail) {
        java.util.Map<String, String> all = new java.util.HashMap<>(detail);
        all.put("connection_id", account.connectionId());
        all.put("account_id", account.id());
        audit.record(new AuditRecord(clock.instant(), request.actor(), account.tenantId(), action, "account/" + account.id(),
                outcome, request.requestId(), all));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a token refresh", e);
        }
    }
}
