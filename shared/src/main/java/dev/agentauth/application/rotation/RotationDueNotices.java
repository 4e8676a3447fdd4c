package dev.agentauth.application.rotation;

import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.events.DomainEvent;
import dev.agentauth.application.events.EventPublisher;
import dev.agentauth.application.scheduling.Deadline;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.rotation.RotationSchedule;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Announces credentials older than their connection's {@code rotation.max_age_days}: one
 * {@code Credential Rotation Due} event (and audit record) per connection and due period,
 * however often the job runs. The connection view shows the same due time as
 * {@code rotation.due_at}.
 */
public final class RotationDueNotices {

    private static final int PAGE = 100;

    private final RotationDueIndex index;
    private final ConnectionRepository connections;
    private final EventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public RotationDueNotices(RotationDueIndex index, ConnectionRepository connections, EventPublisher events, AuditLog audit,
            Clock clock) {
        this.index = index;
        this.connections = connections;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sends the notices not sent yet; answers how many were sent. */
    public int announce(Deadline deadline) {
        Instant now = clock.instant();
        int sent = 0;
        Optional<String> cursor = Optional.empty();
        do {
            if (deadline.reached()) break;
            RotationDueIndex.Page page = index.due(now, cursor, PAGE);
            for (RotationDue candidate : page.items()) {
                // the index is eventually consistent: confirm with the connection itself
                Optional<Connection> connection = connections.find(candidate.tenantId(), candidate.connectionId());
                Optional<Instant> dueAt = connection.flatMap(RotationSchedule::dueAt);
                if (dueAt.isEmpty() || dueAt.get().isAfter(now)) continue;
                RotationDue due = new RotationDue(candidate.tenantId(), candidate.connectionId(), dueAt.get());
                if (!index.remember(due)) continue;
                try {
                    publish(connection.get(), due);
                } catch (RuntimeException e) {
                    index.forget(due);
                    throw e;
                }
                sent++;
            }
            cursor = page.next();
        } while (cursor.isPresent());
        return sent;
    }

    private void publish(Connection connection, RotationDue due) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("connection_id", due.connectionId());
        detail.put("outcome", "due");
        detail.put("reason", "the credential is older than " + connection.rotation().maxAgeDays() + " days");
        detail.put("due_at", due.dueAt().toString());
        events.publish(new DomainEvent(DomainEvent.CREDENTIAL_ROTATION_DUE, due.tenantId(), detail));
        audit.record(new AuditRecord(clock.instant(), "system:key-rotator", due.tenantId(), "credential.rotation_due",
                "connection/" + due.connectionId(), "due", "scheduled-key-rotation",
                Map.of("connection_id", due.connectionId(), "due_at", due.dueAt().toString())));
    }
}
