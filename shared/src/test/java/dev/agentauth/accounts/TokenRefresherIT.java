package dev.agentauth.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentauth.adapters.aws.EmulatorResources;
import dev.agentauth.application.accounts.AccountEvents;
import dev.agentauth.application.accounts.AccountPage;
import dev.agentauth.application.accounts.AccountRepository;
import dev.agentauth.application.accounts.OAuthClient;
import dev.agentauth.application.accounts.RefreshPolicy;
import dev.agentauth.application.accounts.RequestContext;
import dev.agentauth.application.accounts.StoredAccount;
import dev.agentauth.application.accounts.TokenEndpoint;
import dev.agentauth.application.accounts.TokenRefresher;
import dev.agentauth.application.accounts.TokenSealer;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.config.Environment;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.Ids;
import dev.agentauth.domain.ProviderUnavailableException;
import dev.agentauth.domain.account.Account;
import dev.agentauth.domain.account.AccountStatus;
import dev.agentauth.domain.account.TokenSet;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The refresh use case against the real account store and vault, with injected crash points. */
@ExtendWith(AwsEndpointExtension.class)
class TokenRefresherIT {

    private static final OAuthClient CLIENT = new OAuthClient("t1", "conn_1", true, "client-1", "https://idp.example.com/authorize",
            "https://idp.example.com/token", null, "https://api.example.com/v1/oauth/callback", List.of("read"), true,
            "client_secret_post", Map.of(), " ", List.of(), Duration.ofMinutes(5), null, null, "vault", false);
    private static final RequestContext REQUEST = new RequestContext("test", "req-1");

    private final AccountRepository store;
    private final TokenSealer sealer;
    private final Clock clock = Clock.systemUTC();
    private final RecordingEvents events = new RecordingEvents();
    private final List<AuditRecord> audit = new CopyOnWriteArrayList<>();

    TokenRefresherIT(AwsEndpoint endpoint) {
        AccountsTestComponent component = AccountsTestComponent.create(Environment.of(EmulatorResources.create(endpoint).environment()));
        this.store = component.accounts();
        this.sealer = new TokenSealer(component.vault(), Optional.empty());
    }

    private StoredAccount expiredAccount(String refreshToken) {
        Instant now = clock.instant();
        Account pending = new Account("t1", Ids.newId("acct_"), "conn_1", "u-1", AccountStatus.PENDING, List.of("read"), null, null,
                null, 1, now, now);
        store.create(StoredAccount.pending(pending));
        Account active = pending.withTokens(List.of("read"), now.minusSeconds(10), now, now);
        StoredAccount stored = StoredAccount.pending(pending).withTokens(active,
                sealer.seal(active, new TokenSet("at-old", refreshToken, "Bearer", now.minusSeconds(10), List.of("read")), CLIENT), now);
        assertTrue(store.replace(stored, 1, Optional.empty()));
        return store.find("t1", pending.id()).orElseThrow();
    }

    private TokenRefresher refresher(AccountRepository accounts, TokenEndpoint endpoint) {
        return new TokenRefresher(accounts, sealer, endpoint, events, audit::add, clock, RefreshPolicy.defaults());
    }

    @Test
    void refreshedTokensThatCannotBeStoredPutTheAccountInErrorWithAnEvent() {
        StoredAccount account = expiredAccount("rt-1");
        RotatingEndpoint provider = new RotatingEndpoint();
        AccountRepository failingTokenWrites = new FailingTokenWrites(store);

        assertThrows(ProviderUnavailableException.class,
                () -> refresher(failingTokenWrites, provider).fresh(account, CLIENT, TokenRefresher.Trigger.ON_DEMAND, REQUEST));

        StoredAccount after = store.find("t1", account.account().id()).orElseThrow();
        assertEquals(AccountStatus.ERROR, after.account().status());
        assertTrue(after.account().lastError().contains("could not be stored"));
        assertEquals(List.of("failed:" + account.account().id()), events.seen);
        assertTrue(audit.stream().anyMatch(r -> r.outcome().equals("error")));
        assertEquals(1, provider.calls.get());
    }

    @Test
    void invalidGrantAfterASiblingRotatedUsesTheSiblingsTokens() {
        StoredAccount account = expiredAccount("rt-1");
        TokenEndpoint siblingWins = new TokenEndpoint() {
            @Override
            public TokenSet refresh(OAuthClient client, String refreshToken) {
                // our lease ran out meanwhile; a sibling refreshed first and stored its tokens
                StoredAccount current = store.find("t1", account.account().id()).orElseThrow();
                Instant now = clock.instant();
                Account refreshed = current.account().withTokens(List.of("read"), now.plusSeconds(3600), now, now);
                store.replace(current.withTokens(refreshed, sealer.seal(refreshed,
                        new TokenSet("at-sibling", "rt-sibling", "Bearer", now.plusSeconds(3600), List.of("read")), CLIENT), now),
                        current.version(), Optional.empty());
                throw new TokenEndpointException(Failure.INVALID_GRANT, "invalid_grant", null);
            }

            @Override
            public TokenSet exchangeCode(OAuthClient client, String code, Optional<String> verifier) {
                throw new UnsupportedOperationException();
            }

            @Override
            public TokenSet clientCredentials(OAuthClient client, List<String> scopes) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean revoke(OAuthClient client, String token, String hint) {
                return false;
            }
        };

        TokenRefresher.Fresh fresh = refresher(store, siblingWins).fresh(account, CLIENT, TokenRefresher.Trigger.ON_DEMAND, REQUEST);

        assertEquals("at-sibling", fresh.tokens().accessToken());
        assertEquals(AccountStatus.ACTIVE, store.find("t1", account.account().id()).orElseThrow().account().status());
        assertEquals(List.of(), events.seen);
    }

    @Test
    void invalidGrantWithoutASiblingMakesTheAccountReauthRequired() {
        StoredAccount account = expiredAccount("rt-unknown");
        RotatingEndpoint provider = new RotatingEndpoint();

        assertThrows(ConflictException.class,
                () -> refresher(store, provider).fresh(account, CLIENT, TokenRefresher.Trigger.ON_DEMAND, REQUEST));

        assertEquals(AccountStatus.REAUTH_REQUIRED, store.find("t1", account.account().id()).orElseThrow().account().status());
        assertEquals(List.of("reauth:" + account.account().id()), events.seen);
    }

    @Test
    void aLaterSuccessAfterFailuresEmitsRecovered() {
        StoredAccount account = expiredAccount("rt-1");
        RotatingEndpoint provider = new RotatingEndpoint();
        provider.failures.set(1);

        assertThrows(ProviderUnavailableException.class,
                () -> refresher(store, provider).fresh(account, CLIENT, TokenRefresher.Trigger.ON_DEMAND, REQUEST));
        StoredAccount failed = store.find("t1", account.account().id()).orElseThrow();
        assertEquals(AccountStatus.ACTIVE, failed.account().status());
        assertEquals(1, failed.consecutiveFailures());
        // the cooldown has passed
        StoredAccount cooled = new StoredAccount(failed.account(), failed.tokens(), failed.refreshDueAt(), null, null,
                clock.instant().minusSeconds(1), failed.consecutiveFailures());
        assertTrue(store.replace(cooled, failed.version(), Optional.empty()));

        TokenRefresher.Fresh fresh = refresher(store, provider).fresh(store.find("t1", account.account().id()).orElseThrow(), CLIENT,
                TokenRefresher.Trigger.ON_DEMAND, REQUEST);

        assertEquals("at-2", fresh.tokens().accessToken());
        assertEquals(List.of("refresh_failed:" + account.account().id(), "recovered:" + account.account().id()), events.seen);
    }

    /** Rotates rt-N to rt-(N+1); anything else is invalid_grant; can fail transiently first. */
    private static final class RotatingEndpoint implements TokenEndpoint {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        private String current = "rt-1";

        @Override
        public synchronized TokenSet refresh(OAuthClient client, String refreshToken) {
            calls.incrementAndGet();
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new TokenEndpointException(Failure.TRANSIENT, "the token endpoint answered 503", Duration.ofSeconds(1));
            }
            if (!current.equals(refreshToken)) throw new TokenEndpointException(Failure.INVALID_GRANT, "invalid_grant", null);
            int next = Integer.parseInt(current.substring(3)) + 1;
            current = "rt-" + next;
            return new TokenSet("at-" + next, current, "Bearer", Instant.now().plusSeconds(3600), List.of("read"));
        }

        @Override
        public TokenSet exchangeCode(OAuthClient client, String code, Optional<String> verifier) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TokenSet clientCredentials(OAuthClient client, List<String> scopes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean revoke(OAuthClient client, String token, String hint) {
            return false;
        }
    }

    /** A store whose writes of new tokens always fail (the crash point between provider and store). */
    private static final class FailingTokenWrites implements AccountRepository {
        private final AccountRepository delegate;

        FailingTokenWrites(AccountRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean replace(StoredAccount updated, long expectedVersion, Optional<String> leaseOwner) {
            StoredAccount stored = delegate.find(updated.account().tenantId(), updated.account().id()).orElseThrow();
            boolean newTokens = updated.tokens() != null && stored.tokens() != null
                    && !Arrays.equals(updated.tokens().accessToken().ciphertext(), stored.tokens().accessToken().ciphertext());
            if (newTokens) throw new IllegalStateException("simulated store outage");
            return delegate.replace(updated, expectedVersion, leaseOwner);
        }

        @Override
        public void create(StoredAccount account) {
            delegate.create(account);
        }

        @Override
        public Optional<StoredAccount> find(String tenantId, String accountId) {
            return delegate.find(tenantId, accountId);
        }

        @Override
        public AccountPage listByConnection(String tenantId, String connectionId, int limit, Optional<String> cursor) {
            return delegate.listByConnection(tenantId, connectionId, limit, cursor);
        }

        @Override
        public boolean acquireLease(String tenantId, String accountId, long expectedVersion, String owner, Instant until, Instant now) {
            return delegate.acquireLease(tenantId, accountId, expectedVersion, owner, until, now);
        }

        @Override
        public void releaseLease(String tenantId, String accountId, String owner) {
            delegate.releaseLease(tenantId, accountId, owner);
        }

        @Override
        public boolean delete(String tenantId, String accountId, long expectedVersion) {
            return delegate.delete(tenantId, accountId, expectedVersion);
        }
    }

    private static final class RecordingEvents implements AccountEvents {
        final List<String> seen = new ArrayList<>();

        @Override public void connected(Account a) { seen.add("connected:" + a.id()); }
        @Override public void refreshFailed(Account a, String reason) { seen.add("refresh_failed:" + a.id()); }
        @Override public void refreshRecovered(Account a) { seen.add("recovered:" + a.id()); }
        @Override public void reauthRequired(Account a, String reason) { seen.add("reauth:" + a.id()); }
        @Override public void revoked(Account a) { seen.add("revoked:" + a.id()); }
        @Override public void failed(Account a, String reason) { seen.add("failed:" + a.id()); }
    }
}
