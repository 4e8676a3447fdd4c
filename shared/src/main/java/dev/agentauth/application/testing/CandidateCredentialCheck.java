package dev.agentauth.application.testing;

import dev.agentauth.application.outbound.ConnectionPolicies;
import dev.agentauth.application.outbound.ProviderHttp;
import dev.agentauth.application.provider.ProviderCatalog;
import dev.agentauth.application.rotation.CredentialCheck;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.domain.provider.ProviderTemplate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Tests a candidate credential (a staged rotation) with the same checks as the connection
 * test, the candidate taking the place of the stored credential; nothing is stored and the
 * connection's status is not touched. It passes when no check fails; the reason is the first
 * failed check's cause and detail, in the connection test's words.
 */
public final class CandidateCredentialCheck implements CredentialCheck {

    private final ProviderCatalog catalog;
    private final OAuthChecks oauthChecks;
    private final ApiKeyChecks apiKeyChecks;

    @Inject
    public CandidateCredentialCheck(ProviderCatalog catalog, ProviderHttp http, Clock clock) {
        this.catalog = catalog;
        this.oauthChecks = new OAuthChecks(http, clock);
        this.apiKeyChecks = new ApiKeyChecks(http, clock);
    }

    @Override
    public Result check(Connection connection, SecretValue candidate) {
        Optional<ProviderTemplate> template = catalog.find(connection.provider());
        var policy = ConnectionPolicies.interactive(connection.settings(), TestConnection.MAX_ATTEMPT, TestConnection.CHECK_BUDGET);
        List<CheckResult> checks = switch (connection.authType()) {
            case OAUTH2 -> oauthChecks.run(connection, template, Optional.of(candidate), policy);
            case API_KEY -> apiKeyChecks.run(connection, template, Optional.of(candidate), policy);
        };
        return checks.stream().filter(CheckResult::failed).findFirst()
                .map(failed -> Result.fail(failed.cause().map(FailureCause::words).orElse("check failed") + ": " + failed.detail()))
                .orElse(Result.pass());
    }
}
