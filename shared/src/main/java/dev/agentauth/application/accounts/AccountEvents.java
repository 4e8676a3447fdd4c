package dev.agentauth.application.accounts;

import dev.agentauth.domain.account.Account;

/** Port: the account events of API.md (EventBridge source {@code agentauth}); details never hold a secret. */
public interface AccountEvents {
    void connected(Account account);

    void refreshFailed(Account account, String reason);

    void refreshRecovered(Account account);

    void reauthRequired(Account account, String reason);

    void revoked(Account account);

    void failed(Account account, String reason);
}
