package dev.agentauth.application.accounts;

import dev.agentauth.domain.account.Account;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The account as API.md shows it (snake_case, never a token). */
public final class AccountJson {

    private AccountJson() {}

    public static Map<String, Object> of(Account account) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", account.id());
        out.put("connection_id", account.connectionId());
        out.put("user_id", account.userId());
        out.put("status", account.status().wire());
        out.put("granted_scopes", account.grantedScopes());
        out.put("expires_at", text(account.expiresAt()));
        out.put("last_refreshed_at", text(account.lastRefreshedAt()));
        out.put("last_error", account.lastError());
        out.put("version", account.version());
        out.put("created_at", text(account.createdAt()));
        out.put("updated_at", text(account.updatedAt()));
        return out;
    }

    public static Map<String, Object> page(AccountPage page) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> items = page.items().stream().map(AccountJson::of).toList();
        out.put("items", items);
        out.put("next_cursor", page.nextCursor().orElse(null));
        return out;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
