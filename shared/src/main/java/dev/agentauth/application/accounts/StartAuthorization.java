package dev.agentauth.application.accounts;

import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.FieldError;
import dev.agentauth.domain.Ids;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.domain.ValidationException;
import dev.agentauth.domain.account.Account;
import dev.agentauth.domain.account.AccountStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.inject.Inject;

/**
 * Starts connecting an end user's account: a pending account, a single-use state bound to
 * tenant, connection, account, user and return URL, a PKCE S256 pair (verifier sealed at rest),
 * and the provider's authorization URL.
 */
public final class StartAuthorization {

    /** States expire well within the 10 minutes SECURITY.md allows. */
    public static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_USER_ID = 256;

    /** The request of {@code POST /v1/connections/{id}/authorizations}. */
    public record Command(String connectionId, String userId, List<String> scopes, String returnTo, List<FieldError> shapeErrors) {
        public Command {
            shapeErrors = shapeErrors == null ? List.of() : List.copyOf(shapeErrors);
        }
    }

    public record Started(String authorizationUrl, String accountId, Instant expiresAt) {}

    private final OAuthClients clients;
    private final AccountRepository accounts;
    private final OAuthStateStore states;
    private final TokenSealer sealer;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public StartAuthorization(OAuthClients clients, AccountRepository accounts, OAuthStateStore states, TokenSealer sealer,
            AuditLog audit, Clock clock) {
        this.clients = clients;
        this.accounts = accounts;
        this.states = states;
        this.sealer = sealer;
        this.audit = audit;
        this.clock = clock;
    }

    public Started start(Caller caller, Command command, String requestId) {
        OAuthClient client = clients.find(caller.tenantId(), command.connectionId())
                .orElseThrow(() -> new NotFoundException("no OAuth connection " + command.connectionId()));
        List<String> scopes = validate(command, client);
        if (!client.active()) throw new ConflictException("the connection " + client.connectionId() + " is not active");
        if (client.redirectUri() == null || client.redirectUri().isBlank()) {
            throw new ConflictException("the connection " + client.connectionId()
                    + " has no oauth.redirect_uri: set it to this deployment's /v1/oauth/callback URL");
        }

        Instant now = clock.instant();
        Instant expiresAt = now.plus(STATE_LIFETIME);
        Account account = new Account(caller.tenantId(), Ids.newId("acct_"), client.connectionId(), command.userId(),
                AccountStatus.PENDING, scopes, null, null, null, 1, now, now);
        Optional<Pkce> pkce = client.pkce() ? Optional.of(Pkce.generate(random)) : Optional.empty();
        String state = StateToken.generate(random);
        var sealedVerifier = sealer.vault().seal(TokenSealer.context(account, TokenSealer.PKCE_VERIFIER),
                pkce.map(Pkce::verifier).orElse("").getBytes(StandardCharsets.UTF_8));

        accounts.create(StoredAccount.pending(account));
        states.save(new OAuthState(StateToken.hash(state), account.tenantId(), account.connectionId(), account.id(),
                account.userId(), command.returnTo(), sealedVerifier, expiresAt));
        audit.record(new AuditRecord(now, caller.actor(), caller.tenantId(), "account.authorization_started",
                "account/" + account.id(), "success", requestId,
                Map.of("connection_id", account.connectionId(), "account_id", account.id(), "user_id", account.userId())));
        return new Started(authorizationUrl(client, scopes, state, pkce), account.id(), expiresAt);
    }

    private static List<String> validate(Command command, OAuthClient client) {
        // shape errors (unknown fields, wrong types) are listed with the rule errors, all at once
        List<FieldError> errors = new ArrayList<>(command.shapeErrors());
        String user = command.userId();
        boolean userReported = command.shapeErrors().stream().anyMatch(e -> e.field().equals("user_id"));
        if (!userReported && (user == null || user.isBlank())) errors.add(new FieldError("user_id", "is required"));
        else if (user != null && (user.length() > MAX_USER_ID || user.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError("user_id", "must be 1-" + MAX_USER_ID + " characters without control characters"));
        }
        List<String> scopes = command.scopes() == null ? client.scopes() : command.scopes();
        if (command.scopes() != null) {
            if (command.scopes().isEmpty()) errors.add(new FieldError("scopes", "must not be empty when given"));
            for (int i = 0; i < command.scopes().size(); i++) {
                String scope = command.scopes().get(i);
                if (scope == null || !client.scopes().contains(scope)) {
                    errors.add(new FieldError("scopes[" + i + "]", "is not one of the connection's scopes"));
                }
            }
        }
        // exact match only: no prefix, no normalisation, so //evil, \\evil and user@host tricks never pass
        if (command.returnTo() != null && !client.allowedReturnUrls().contains(command.returnTo())) {
            errors.add(new FieldError("return_to", "is not one of the connection's allowed return URLs"));
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return List.copyOf(new java.util.LinkedHashSet<>(scopes));
    }

    private static String authorizationUrl(OAuthClient client, List<String> scopes, String state, Optional<Pkce> pkce) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", client.clientId());
        params.put("redirect_uri", client.redirectUri());
        if (!scopes.isEmpty()) params.put("scope", String.join(client.scopeSeparator(), scopes));
        params.put("state", state);
        pkce.ifPresent(p -> {
            params.put("code_challenge", p.challenge());
            params.put("code_challenge_method", Pkce.METHOD);
        });
        // the template's extras never override the protocol parameters above
        client.extraAuthorizationParams().forEach(params::putIfAbsent);
        String query = params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String base = client.authorizationUrl();
        return base + (base.contains("?") ? "&" : "?") + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
