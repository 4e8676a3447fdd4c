package dev.agentauth.application.refresh;

import dev.agentauth.application.scheduling.RunLedger;
import dev.agentauth.application.scheduling.ScheduledRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled refresher: finds the due accounts of every shard through the refresh-due index
 * and refreshes them, a bounded number at a time, through the same single-flight refresher as
 * the token endpoint. A repeated delivery does nothing; a run stops starting new refreshes at
 * its deadline and leaves the rest to the next run, which finds them again in the index.
 */
public final class ScheduledRefresh {

    public static final String JOB = "token-refresh";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRefresh.class);

    private final RunLedger ledger;
    private final DueAccounts dueAccounts;
    private final AccountRefresh refresh;
    private final Clock clock;
    private final RefreshSettings settings;

    @Inject
    public ScheduledRefresh(RunLedger ledger, DueAccounts dueAccounts, AccountRefresh refresh, Clock clock,
            RefreshSettings settings) {
        this.ledger = ledger;
        this.dueAccounts = dueAccounts;
        this.refresh = refresh;
        this.clock = clock;
        this.settings = settings;
    }

    public RefreshRunReport run(ScheduledRun run) {
        if (!ledger.claim(JOB, run.id())) {
            LOG.info("run {} was delivered before; nothing to do", run.id());
            return RefreshRunReport.duplicateDelivery();
        }
        Instant now = clock.instant();
        Instant until = now.plus(settings.lookAhead());
        Tally tally = new Tally(now);
        boolean complete = true;
        Semaphore permits = new Semaphore(settings.parallelism());
        // an account whose due time moves while the run pages must still be handled once per run
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(settings.parallelism(), Thread.ofPlatform().daemon().factory())) {
            shards:
            for (int shard = 0; shard < dueAccounts.shards(); shard++) {
                Optional<String> cursor = Optional.empty();
                do {
                    if (run.deadline().reached()) {
                        complete = false;
                        break shards;
                    }
                    DuePage page = dueAccounts.due(shard, until, cursor, settings.pageSize());
                    for (DueAccount account : page.accounts()) {
                        if (!seen.add(account.tenantId() + "/" + account.accountId())) continue;
                        permits.acquireUninterruptibly();
                        if (run.deadline().reached()) {
                            permits.release();
                            complete = false;
                            break shards;
                        }
                        pool.execute(() -> {
                            try {
                                tally.add(account, refresh.refresh(account));
                            } catch (RuntimeException e) {
                                // one account's failure never stops the run; its due time is unchanged, so it is retried
                                LOG.error("refreshing account {} failed: {}", account.accountId(), e.getClass().getName(), e);
                                tally.error();
                            } finally {
                                permits.release();
                            }
                        });
                    }
                    cursor = page.next();
                } while (cursor.isPresent());
            }
        }
        RefreshRunReport report = tally.report(complete);
        LOG.info("run {}: {} handled, outcomes {}, errors {}, complete {}, max lag {}s", run.id(), report.handled(),
                report.outcomes(), report.errors(), complete, report.maxLag().toSeconds());
        return report;
    }

    private static final class Tally {
        private final Instant startedAt;
        private final Map<RefreshOutcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        private final AtomicInteger errors = new AtomicInteger();
        private final AtomicLong maxLagMillis = new AtomicLong();

        Tally(Instant startedAt) {
            this.startedAt = startedAt;
        }

        void add(DueAccount account, RefreshOutcome outcome) {
            outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
            long lag = Duration.between(account.dueAt(), startedAt).toMillis();
            maxLagMillis.accumulateAndGet(lag, Math::max);
        }

        void error() {
            errors.incrementAndGet();
        }

        RefreshRunReport report(boolean complete) {
            Map<RefreshOutcome, Integer> counts = new EnumMap<>(RefreshOutcome.class);
            outcomes.forEach((outcome, count) -> counts.put(outcome, count.get()));
            return new RefreshRunReport(false, complete, counts, errors.get(), Duration.ofMillis(maxLagMillis.get()));
        }
    }
}
