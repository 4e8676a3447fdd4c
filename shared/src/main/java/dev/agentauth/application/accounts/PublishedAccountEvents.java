package dev.agentauth.application.accounts;

import dev.agentauth.application.events.DomainEvent;
import dev.agentauth.application.events.EventPublisher;
import dev.agentauth.domain.account.Account;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Account events on the bus. Publishing happens after the state change is stored; a bus failure
 * is logged (the stored status and the audit record remain the source of truth) rather than
 * undoing a token write that already happened.
 */
public final class PublishedAccountEvents implements AccountEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedAccountEvents.class);

    private final EventPublisher publisher;

    @Inject
    public PublishedAccountEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void connected(Account account) {
        publish(DomainEvent.ACCOUNT_CONNECTED, account, "connected", null);
    }

    @Override
    public void refreshFailed(Account account, String reason) {
        publish(DomainEvent.ACCOUNT_REFRESH_FAILED, account, "failed", reason);
    }

    @Override
    public void refreshRecovered(Account account) {
        publish(DomainEvent.ACCOUNT_REFRESH_RECOVERED, account, "recovered", null);
    }

    @Override
    public void reauthRequired(Account account, String reason) {
        publish(DomainEvent.ACCOUNT_REAUTH_REQUIRED, account, "reauth_required", reason);
    }

    @Override
    public void revoked(Account account) {
        publish(DomainEvent.ACCOUNT_REVOKED, account, "revoked", null);
    }

    /** The account is in error (e.g. refreshed tokens could not be stored): a Refresh Failed event saying so. */
    @Override
    public void failed(Account account, String reason) {
        publish(DomainEvent.ACCOUNT_REFRESH_FAILED, account, "error", reason);
    }

    private void publish(String type, Account account, String outcome, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("account_id", account.id());
        detail.put("connection_id", account.connectionId());
        detail.put("user_id", account.userId());
        detail.put("status", account.status().wire());
        detail.put("outcome", outcome);
        detail.put("reason", reason);
        try {
            publisher.publish(new DomainEvent(type, account.tenantId(), detail));
        } catch (RuntimeException e) {
            LOG.error("could not publish {} for account {}: {}", type, account.id(), e.getClass().getName());
        }
    }
}
