package dev.agentauth.application.accounts;

import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.domain.account.TokenSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * {@code POST /v1/accounts/{id}/token}: an access token fit to use now, refreshed first when it
 * is inside the connection's refresh buffer. Audited on every issue.
 */
public final class IssueAccountToken {

    public record IssuedToken(String accessToken, String tokenType, Instant expiresAt, List<String> scopes) {
        @Override
        public String toString() {
            return "IssuedToken[tokenType=" + tokenType + ", expiresAt=" + expiresAt + "]";
        }
    }

    private final AccountRepository accounts;
    private final RecentOAuthClients clients;
    private final TokenRefresher refresher;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public IssueAccountToken(AccountRepository accounts, RecentOAuthClients clients, TokenRefresher refresher, AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.clients = clients;
        this.refresher = refresher;
        this.audit = audit;
        this.clock = clock;
    }

    public IssuedToken issue(Caller caller, String accountId, String requestId) {
        StoredAccount stored = accounts.find(caller.tenantId(), accountId)
                .orElseThrow(() -> new NotFoundException("no account " + accountId));
        String connectionId = stored.account().connectionId();
        OAuthClient client = clients.find(caller.tenantId(), connectionId)
                .orElseThrow(() -> new ConflictException("the account's connection no longer exists"));
        if (!client.active()) throw new ConflictException("the connection " + connectionId + " is not active");
        TokenRefresher.Fresh fresh = refresher.fresh(stored, client, TokenRefresher.Trigger.ON_DEMAND,
                new RequestContext(caller.actor(), requestId));
        TokenSet tokens = fresh.tokens();
        audit.record(new AuditRecord(clock.instant(), caller.actor(), caller.tenantId(), "token.issue", "account/" + accountId,
                "success", requestId, Map.of("connection_id", connectionId, "account_id", accountId)));
        return new IssuedToken(tokens.accessToken(), tokens.tokenType(), fresh.account().account().expiresAt(),
                fresh.account().account().grantedScopes());
    }
}
