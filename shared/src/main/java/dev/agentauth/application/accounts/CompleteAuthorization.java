package dev.agentauth.application.accounts;

import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.domain.account.Account;
import dev.agentauth.domain.account.AccountStatus;
import dev.agentauth.domain.account.TokenSet;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth callback: consumes the state (once), checks everything it is bound to and the
 * issuer, and only then exchanges the code with the PKCE verifier, stores the tokens and
 * activates the account. Every refusal before the exchange makes no provider call.
 */
public final class CompleteAuthorization {

    private static final Logger LOG = LoggerFactory.getLogger(CompleteAuthorization.class);

    /** What the provider sent back (query parameters of the redirect). */
    public record Callback(String code, String state, String iss, String error) {}

    /** What the user sees: a redirect to {@code returnTo}, or a plain page with this status. */
    public record Outcome(int status, Optional<String> redirectTo, String title, String message) {
        static Outcome refused(String message) {
            return new Outcome(400, Optional.empty(), "Authorization failed", message);
        }
    }

    private final OAuthStateStore states;
    private final AccountRepository accounts;
    private final OAuthClients clients;
    private final TokenEndpoint endpoint;
    private final TokenSealer sealer;
    private final AccountEvents events;
    private final AuditLog audit;
    private final Clock clock;
    private final RefreshPolicy policy;

    @Inject
    public CompleteAuthorization(OAuthStateStore states, AccountRepository accounts, OAuthClients clients,
            TokenEndpoint endpoint, TokenSealer sealer, AccountEvents events, AuditLog audit, Clock clock, RefreshPolicy policy) {
        this.states = states;
        this.accounts = accounts;
        this.clients = clients;
        this.endpoint = endpoint;
        this.sealer = sealer;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
    }

    public Outcome complete(Callback callback, String requestId) {
        if (callback.state() == null || callback.state().isBlank() || callback.state().length() > 512) {
            return Outcome.refused("The authorization link is invalid. Start again from the application.");
        }
        Optional<OAuthState> consumed = states.consume(StateToken.hash(callback.state()));
        if (consumed.isEmpty()) {
            return Outcome.refused("This authorization link is unknown or was already used. Start again from the application.");
        }
        OAuthState state = consumed.get();
        Instant now = clock.instant();
        if (state.expiredAt(now)) return Outcome.refused("This authorization link has expired. Start again from the application.");

        Optional<StoredAccount> found = accounts.find(state.tenantId(), state.accountId());
        if (found.isEmpty() || !boundTo(found.get().account(), state)) {
            return Outcome.refused("This authorization link does not match a pending account.");
        }
        StoredAccount pending = found.get();
        Optional<OAuthClient> client = clients.find(state.tenantId(), state.connectionId());
        if (client.isEmpty() || !client.get().active()) {
            return fail(pending, "the connection is not active", requestId, 409);
        }
        if (callback.error() != null && !callback.error().isBlank()) {
            String code = callback.error().matches("[a-z_]{1,64}") ? callback.error() : "error";
            return fail(pending, "the provider did not authorize the account (" + code + ")", requestId, 400);
        }
        String issuer = client.get().issuer();
        if (callback.iss() != null && issuer != null && !issuer.equals(callback.iss())) {
            return fail(pending, "the authorization response came from an unexpected issuer", requestId, 400);
        }
        if (callback.code() == null || callback.code().isBlank()) {
            return fail(pending, "the provider sent no authorization code", requestId, 400);
        }

        Account account = pending.account();
        String verifier = new String(sealer.vault().open(TokenSealer.context(account, TokenSealer.PKCE_VERIFIER), state.verifier()),
                StandardCharsets.UTF_8);
        TokenSet tokens;
        try {
            tokens = endpoint.exchangeCode(client.get(), callback.code(), verifier.isEmpty() ? Optional.empty() : Optional.of(verifier));
        } catch (TokenEndpoint.TokenEndpointException e) {
            return fail(pending, e.getMessage(), requestId, 502);
        }
        Instant stored = clock.instant();
        java.util.List<String> scopes = tokens.scopes().isEmpty() ? account.grantedScopes() : tokens.scopes();
        Account active = account.withTokens(scopes, tokens.expiresAt(), stored, stored);
        StoredAccount updated = pending.withTokens(active, sealer.seal(active, tokens),
                policy.dueAt(tokens.expiresAt(), client.get().refreshBuffer(), stored));
        if (!accounts.replace(updated, pending.version(), Optional.empty())) {
            return Outcome.refused("The account changed while it was being connected. Start again from the application.");
        }
        events.connected(active);
        record(active, "account.connected", "success", requestId, Map.of("scopes", String.join(" ", scopes)));
        return state.returnTo() == null
                ? new Outcome(200, Optional.empty(), "Account connected", "Your account is connected. You can close this window.")
                : new Outcome(302, Optional.of(state.returnTo()), "Account connected", "Your account is connected.");
    }

    private static boolean boundTo(Account account, OAuthState state) {
        return account.status() == AccountStatus.PENDING && account.tenantId().equals(state.tenantId())
                && account.connectionId().equals(state.connectionId()) && account.userId().equals(state.userId());
    }

    private Outcome fail(StoredAccount pending, String reason, String requestId, int status) {
        Account failed = pending.account().with(AccountStatus.ERROR, reason, clock.instant());
        try {
            accounts.replace(pending.withAccount(failed), pending.version(), Optional.empty());
        } catch (RuntimeException e) {
            LOG.error("could not mark account {} as failed: {}", failed.id(), e.getClass().getName());
        }
        record(failed, "account.connect", "failure", requestId, Map.of("reason", reason));
        return new Outcome(status, Optional.empty(), "Authorization failed",
                "The account could not be connected: " + reason + ". Start again from the application.");
    }

    private void record(Account account, String action, String outcome, String requestId, Map<String, String> detail) {
        Map<String, String> all = new HashMap<>(detail);
        all.put("connection_id", account.connectionId());
        all.put("account_id", account.id());
        all.put("user_id", account.userId());
        audit.record(new AuditRecord(clock.instant(), "user:" + account.userId(), account.tenantId(), action,
                "account/" + account.id(), outcome, requestId, all));
    }
}
