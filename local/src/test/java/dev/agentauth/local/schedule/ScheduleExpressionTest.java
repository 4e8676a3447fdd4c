package dev.agentauth.local.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {

    private static final Instant SATURDAY_NOON = Instant.parse("2026-12-05T12:00:30Z");

    @Test
    void rateFiresOncePerPeriod() {
        assertEquals(Instant.parse("2026-12-05T12:05:30Z"), ScheduleExpression.parse("rate(5 minutes)").nextAfter(SATURDAY_NOON));
        assertEquals(Instant.parse("2026-12-05T13:00:30Z"), ScheduleExpression.parse("rate(1 hour)").nextAfter(SATURDAY_NOON));
        assertEquals(Instant.parse("2026-12-07T12:00:30Z"), ScheduleExpression.parse("rate(2 days)").nextAfter(SATURDAY_NOON));
    }

    @Test
    void cronFiresAtTheNextMatchingMinuteInUtc() {
        assertEquals(Instant.parse("2026-12-05T12:15:00Z"), ScheduleExpression.parse("cron(0/15 * * * ? *)").nextAfter(SATURDAY_NOON));
        assertEquals(Instant.parse("2026-12-06T03:00:00Z"), ScheduleExpression.parse("cron(0 3 * * ? *)").nextAfter(SATURDAY_NOON));
        // weekdays only: from Saturday the next run is Monday
        assertEquals(Instant.parse("2026-12-07T08:30:00Z"), ScheduleExpression.parse("cron(30 8 ? * MON-FRI *)").nextAfter(SATURDAY_NOON));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), ScheduleExpression.parse("cron(0 0 1 JAN ? *)").nextAfter(SATURDAY_NOON));
    }

    @Test
    void refusesWhatItCannotSchedule() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("every 5 minutes"));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("rate(0 minutes)"));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 L * ? *)"));
    }
}
