package dev.agentauth.application.accounts;

import dev.agentauth.domain.account.Account;
import java.util.List;
import java.util.Optional;

/** One page of accounts and the opaque cursor of the next page. */
public record AccountPage(List<Account> items, Optional<String> nextCursor) {
    public AccountPage {
        items = List.copyOf(items);
    }
}
