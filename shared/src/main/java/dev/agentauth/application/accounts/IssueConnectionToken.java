package dev.agentauth.application.accounts;

import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.Ids;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.domain.account.Account;
import dev.agentauth.domain.account.AccountStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;

/**
 * {@code POST /v1/connections/{id}/token}: the connection's own token from the client-credentials
 * grant (no end user). It lives in a connection-level account (a stable id derived from the
 * connection, never listed among its accounts), so it is sealed in the vault, reused until its
 * refresh buffer, and fetched anew single-flight exactly like an account's token.
 */
public final class IssueConnectionToken {

    private final AccountRepository accounts;
    private final RecentOAuthClients clients;
    private final TokenRefresher refresher;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public IssueConnectionToken(AccountRepository accounts, RecentOAuthClients clients, TokenRefresher refresher, AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.clients = clients;
        this.refresher = refresher;
        this.audit = audit;
        this.clock = clock;
    }

    public IssueAccountToken.IssuedToken issue(Caller caller, String connectionId, String requestId) {
        OAuthClient client = clients.find(caller.tenantId(), connectionId)
                .orElseThrow(() -> new NotFoundException("no OAuth connection " + connectionId));
        if (!client.active()) throw new ConflictException("the connection " + connectionId + " is not active");
        if (!client.supportsClientCredentials()) {
            throw new ConflictException("the connection's provider does not offer the client credentials grant");
        }
        String accountId = Ids.derivedId("acct_", caller.tenantId(), connectionId, Account.CONNECTION_LEVEL_USER);
        StoredAccount stored = accounts.find(caller.tenantId(), accountId).orElseGet(() -> create(caller, client, accountId));
        TokenRefresher.Fresh fresh = refresher.fresh(stored, client, TokenRefresher.Trigger.ON_DEMAND,
                new RequestContext(caller.actor(), requestId));
        audit.record(new AuditRecord(clock.instant(), caller.actor(), caller.tenantId(), "token.issue", "connection/" + connectionId,
                "success", requestId, Map.of("connection_id", connectionId, "grant", "client_credentials")));
        return new IssueAccountToken.IssuedToken(fresh.tokens().accessToken(), fresh.tokens().tokenType(),
                fresh.account().account().expiresAt(), fresh.account().account().grantedScopes());
    }

    /** Concurrent first callers race to create it: the losers read the winner's item. */
    private StoredAccount create(Caller caller, OAuthClient client, String accountId) {
        Instant now = clock.instant();
        Account account = new Account(caller.tenantId(), accountId, client.connectionId(), Account.CONNECTION_LEVEL_USER,
                AccountStatus.ACTIVE, client.scopes(), null, null, null, 1, now, now);
        try {
            accounts.create(StoredAccount.pending(account));
            return StoredAccount.pending(account);
        } catch (ConflictException alreadyCreated) {
            Optional<StoredAccount> existing = accounts.find(caller.tenantId(), accountId);
            return existing.orElseThrow(() -> alreadyCreated);
        }
    }
}
