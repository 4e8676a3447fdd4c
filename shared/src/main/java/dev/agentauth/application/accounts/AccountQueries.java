package dev.agentauth.application.accounts;

import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.paging.PageRequest;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.domain.account.Account;
import javax.inject.Inject;

/** Reads of connected accounts, always within the caller's tenant. */
public final class AccountQueries {

    private final AccountRepository accounts;
    private final ConnectionRepository connections;

    @Inject
    public AccountQueries(AccountRepository accounts, ConnectionRepository connections) {
        this.accounts = accounts;
        this.connections = connections;
    }

    public Account get(Caller caller, String accountId) {
        return accounts.find(caller.tenantId(), accountId).map(StoredAccount::account)
                .orElseThrow(() -> new NotFoundException("no account " + accountId));
    }

    public AccountPage list(Caller caller, String connectionId, PageRequest page) {
        if (connections.find(caller.tenantId(), connectionId).isEmpty()) {
            throw new NotFoundException("no connection " + connectionId);
        }
        return accounts.listByConnection(caller.tenantId(), connectionId, page.limit(), page.cursor());
    }
}
