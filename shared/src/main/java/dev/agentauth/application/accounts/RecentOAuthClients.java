package dev.agentauth.application.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;

/**
 * Connection views remembered for a few seconds on a warm instance, so handing out a fresh
 * token costs one read (the account). A connection that is deactivated stops handing out tokens
 * within {@link #MAX_AGE} on every instance. Secrets are never cached here.
 */
public final class RecentOAuthClients {

    static final Duration MAX_AGE = Duration.ofSeconds(10);
    private static final int MAX_ENTRIES = 1000;

    private record Entry(Optional<OAuthClient> client, Instant loaded) {}

    private final OAuthClients clients;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    public RecentOAuthClients(OAuthClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    public Optional<OAuthClient> find(String tenantId, String connectionId) {
        String key = tenantId.length() + ":" + tenantId + connectionId;
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && entry.loaded().plus(MAX_AGE).isAfter(now)) return entry.client();
        Optional<OAuthClient> client = clients.find(tenantId, connectionId);
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        entries.put(key, new Entry(client, now));
        return client;
    }
}
