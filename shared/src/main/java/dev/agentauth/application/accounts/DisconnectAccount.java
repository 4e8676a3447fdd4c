package dev.agentauth.application.accounts;

import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.domain.account.Account;
import dev.agentauth.domain.account.AccountStatus;
import dev.agentauth.domain.account.TokenSet;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DELETE /v1/accounts/{id}}: revokes the grant at the provider (RFC 7009, when the
 * template has a revocation URL; the refresh token first, as that ends the whole grant), then
 * deletes the tokens and the account. A provider that does not confirm does not keep the
 * tokens here: the outcome is audited.
 */
public final class DisconnectAccount {

    private static final Logger LOG = LoggerFactory.getLogger(DisconnectAccount.class);
    private static final int ATTEMPTS = 5;

    private final AccountRepository accounts;
    private final OAuthClients clients;
    private final TokenEndpoint endpoint;
    private final TokenSealer sealer;
    private final AccountEvents events;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public DisconnectAccount(AccountRepository accounts, OAuthClients clients, TokenEndpoint endpoint, TokenSealer sealer,
            AccountEvents events, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.clients = clients;
        this.endpoint = endpoint;
        this.sealer = sealer;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public void disconnect(Caller caller, String accountId, String requestId) {
        StoredAccount stored = accounts.find(caller.tenantId(), accountId)
                .orElseThrow(() -> new NotFoundException("no account " + accountId));
        String revocation = revoke(stored);
        // a refresh may bump the version meanwhile: re-read and retry until the delete lands
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (accounts.delete(caller.tenantId(), accountId, stored.version())) break;
            Optional<StoredAccount> again = accounts.find(caller.tenantId(), accountId);
            if (again.isEmpty()) break;
            stored = again.get();
        }
        Account revoked = stored.account().with(AccountStatus.REVOKED, null, clock.instant());
        events.revoked(revoked);
        Map<String, String> detail = new HashMap<>();
        detail.put("connection_id", revoked.connectionId());
        detail.put("account_id", accountId);
        detail.put("provider_revocation", revocation);
        audit.record(new AuditRecord(clock.instant(), caller.actor(), caller.tenantId(), "account.delete", "account/" + accountId,
                "success", requestId, detail));
    }

    private String revoke(StoredAccount stored) {
        if (stored.tokens() == null) return "no_tokens";
        Account account = stored.account();
        Optional<OAuthClient> client = clients.find(account.tenantId(), account.connectionId());
        if (client.isEmpty() || client.get().revocationUrl() == null) return "not_supported";
        try {
            TokenSet tokens = sealer.open(account, stored.tokens());
            boolean confirmed = tokens.refreshToken() != null
                    ? endpoint.revoke(client.get(), tokens.refreshToken(), "refresh_token")
                    : endpoint.revoke(client.get(), tokens.accessToken(), "access_token");
            return confirmed ? "revoked" : "not_confirmed";
        } catch (RuntimeException e) {
            LOG.warn("revocation of account {} failed: {}", account.id(), e.getClass().getName());
            return "failed";
        }
    }
}
