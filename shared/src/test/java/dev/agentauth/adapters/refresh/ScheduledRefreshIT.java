package dev.agentauth.adapters.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentauth.adapters.aws.AwsCallCounter;
import dev.agentauth.application.refresh.AccountRefresh;
import dev.agentauth.application.refresh.DueAccount;
import dev.agentauth.application.refresh.RefreshOutcome;
import dev.agentauth.application.refresh.RefreshRunReport;
import dev.agentauth.application.scheduling.Deadline;
import dev.agentauth.application.scheduling.ScheduledRun;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scheduled refresher against moto: due accounts come from the refresh-due index (never a
 * scan), the cost of a run follows the due accounts and not the stored ones, a redelivered
 * event does nothing, and a run cut off by its deadline is finished by the next one.
 */
@ExtendWith(AwsEndpointExtension.class)
class ScheduledRefreshIT {

    private static final int SHARDS = 8;
    private static final Duration AMPLE = Duration.ofMinutes(5);

    private final AwsEndpoint aws;

    ScheduledRefreshIT(AwsEndpoint aws) {
        this.aws = aws;
    }

    @Test
    void oneRunCostsTheSameAwsCallsWhetherAThousandOrTwentyThousandAccountsAreStored() {
        Scenario small = Scenario.seeded(aws, 1_000, 200);
        Scenario large = Scenario.seeded(aws, 20_000, 200);

        var smallRun = AwsCallCounter.recordAllThreads(() -> small.refresher().run(run(UUID.randomUUID().toString(), AMPLE)));
        var largeRun = AwsCallCounter.recordAllThreads(() -> large.refresher().run(run(UUID.randomUUID().toString(), AMPLE)));
        RefreshRunReport smallReport = smallRun.result();
        RefreshRunReport largeReport = largeRun.result();
        Map<String, Integer> smallCalls = smallRun.calls().byOperation();
        Map<String, Integer> largeCalls = largeRun.calls().byOperation();

        assertEquals(smallCalls, largeCalls, "AWS calls of one run must not depend on the accounts stored");
        assertEquals(Set.copyOf(small.due), small.refresh.refreshed.keySet());
        assertEquals(Set.copyOf(large.due), large.refresh.refreshed.keySet());
        assertEquals(200, smallReport.count(RefreshOutcome.REFRESHED));
        assertEquals(200, largeReport.count(RefreshOutcome.REFRESHED));
        assertEquals(SHARDS, largeCalls.get("DynamoDb:Query"), "one index query per shard");
        assertEquals(0, largeCalls.getOrDefault("DynamoDb:Scan", 0));
        assertTrue(small.refresh.refreshed.values().stream().allMatch(n -> n == 1));
        assertTrue(large.refresh.refreshed.values().stream().allMatch(n -> n == 1));
    }

    @Test
    void aRedeliveredScheduledEventRefreshesNothingTwice() {
        Scenario scenario = Scenario.seeded(aws, 50, 20);
        String eventId = UUID.randomUUID().toString();

        RefreshRunReport first = scenario.refresher().run(run(eventId, AMPLE));
        // the accounts stay due: only the run marker can stop the second delivery
        scenario.refresh.moveDueTime = false;
        RefreshRunReport again = scenario.refresher().run(run(eventId, AMPLE));

        assertEquals(20, first.count(RefreshOutcome.REFRESHED));
        assertTrue(again.duplicate());
        assertEquals(0, again.handled());
        assertTrue(scenario.refresh.refreshed.values().stream().allMatch(n -> n == 1));
    }

    @Test
    void aRunStoppedByItsDeadlineIsFinishedByTheNextRun() {
        Scenario scenario = Scenario.seeded(aws, 200, 60);
        MovingClock clock = new MovingClock(Instant.parse("2026-01-01T00:00:00Z"));
        scenario.refresh.onEachRefresh = () -> clock.advance(Duration.ofSeconds(10));
        Deadline afterAboutTwenty = new Deadline(clock.instant().plusSeconds(200), clock);

        String eventId = UUID.randomUUID().toString();
        RefreshRunReport cutOff = scenario.refresher().run(new ScheduledRun(eventId, Instant.now(), afterAboutTwenty));
        // the same delivery again (Lambda retried the timed-out invocation) does not resume: the next tick does
        RefreshRunReport redelivered = scenario.refresher().run(run(eventId, AMPLE));
        RefreshRunReport next = scenario.refresher().run(run(UUID.randomUUID().toString(), AMPLE));

        assertFalse(cutOff.complete());
        assertTrue(cutOff.count(RefreshOutcome.REFRESHED) > 0 && cutOff.count(RefreshOutcome.REFRESHED) < 60);
        assertTrue(redelivered.duplicate());
        assertEquals(0, redelivered.handled());
        assertTrue(next.complete());
        assertEquals(60, cutOff.count(RefreshOutcome.REFRESHED) + next.count(RefreshOutcome.REFRESHED));
        assertEquals(Set.copyOf(scenario.due), scenario.refresh.refreshed.keySet());
        assertTrue(scenario.refresh.refreshed.values().stream().allMatch(n -> n == 1));
    }

    @Test
    void oneFailingAccountDoesNotStopTheRun() {
        Scenario scenario = Scenario.seeded(aws, 40, 10);
        String broken = scenario.due.getFirst();
        scenario.refresh.failFor = broken;

        RefreshRunReport report = scenario.refresher().run(run(UUID.randomUUID().toString(), AMPLE));

        assertEquals(9, report.count(RefreshOutcome.REFRESHED));
        assertEquals(1, report.errors());
        assertTrue(report.complete());
    }

    private static ScheduledRun run(String id, Duration remaining) {
        return new ScheduledRun(id, Instant.now(), Deadline.within(Clock.systemUTC(), remaining, Duration.ofSeconds(30)));
    }

    /** N accounts stored across the shards, M of them due, the rest due tomorrow. */
    private record Scenario(AwsEndpoint aws, String table, DynamoDbClient dynamo, List<String> due, IndexRefresh refresh) {

        static Scenario seeded(AwsEndpoint aws, int stored, int dueCount) {
            IndexRefresh refresh = new IndexRefresh();
            RefreshTestComponent bootstrap = RefreshTestComponent.create(aws, "unused", refresh);
            DynamoDbClient dynamo = bootstrap.dynamo();
            String table = TestDataTable.create(dynamo);
            refresh.dynamo = dynamo;
            refresh.table = table;
            Instant now = Instant.now();
            List<Map<String, AttributeValue>> items = new ArrayList<>(stored);
            List<String> due = new ArrayList<>();
            for (int i = 0; i < stored; i++) {
                String account = "acct_" + i;
                boolean isDue = i % (stored / dueCount) == 0 && due.size() < dueCount;
                if (isDue) due.add(account);
                Instant dueAt = isDue ? now.minusSeconds(60 + i % 600) : now.plus(Duration.ofDays(1)).plusSeconds(i);
                items.add(Map.of(
                        "pk", AttributeValue.fromS("TENANT#tenant-" + (i % 7)),
                        "sk", AttributeValue.fromS("ACCT#" + account),
                        "due_shard", AttributeValue.fromS(DueIndexKeys.shard(Math.floorMod(account.hashCode(), SHARDS))),
                        "due_at", AttributeValue.fromS(DueIndexKeys.dueAt(dueAt))));
            }
            TestDataTable.seed(dynamo, table, items);
            return new Scenario(aws, table, dynamo, due, refresh);
        }

        dev.agentauth.application.refresh.ScheduledRefresh refresher() {
            return RefreshTestComponent.create(aws, table, refresh).scheduledRefresh();
        }
    }

    /**
     * Stands in for the single-flight refresher: records each refresh and, like it, stores the
     * account's next due time (one conditional update per account).
     */
    private static final class IndexRefresh implements AccountRefresh {
        final Map<String, Integer> refreshed = new ConcurrentHashMap<>();
        volatile DynamoDbClient dynamo;
        volatile String table;
        volatile boolean moveDueTime = true;
        volatile Runnable onEachRefresh = () -> {};
        volatile String failFor;

        @Override
        public RefreshOutcome refresh(DueAccount account) {
            if (account.accountId().equals(failFor)) throw new IllegalStateException("provider adapter broke");
            onEachRefresh.run();
            refreshed.merge(account.accountId(), 1, Integer::sum);
            if (moveDueTime) {
                dynamo.updateItem(b -> b.tableName(table)
                        .key(Map.of("pk", AttributeValue.fromS("TENANT#" + account.tenantId()),
                                "sk", AttributeValue.fromS("ACCT#" + account.accountId())))
                        .updateExpression("SET due_at = :next")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":next",
                                AttributeValue.fromS(DueIndexKeys.dueAt(Instant.now().plus(Duration.ofHours(1)))))));
            }
            return RefreshOutcome.REFRESHED;
        }
    }

    private static final class MovingClock extends Clock {
        private final AtomicReference<Instant> now;

        MovingClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    }
}
