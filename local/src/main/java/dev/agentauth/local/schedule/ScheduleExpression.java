package dev.agentauth.local.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression: {@code rate(5 minutes)} or the six-field
 * {@code cron(minutes hours day-of-month month day-of-week year)} in UTC. Cron fields take
 * {@code *}, {@code ?}, numbers, ranges, lists and steps; {@code L}, {@code W} and {@code #}
 * are not supported locally.
 */
public sealed interface ScheduleExpression {

    /** The first time strictly after {@code after} that the schedule fires. */
    Instant nextAfter(Instant after);

    static ScheduleExpression parse(String expression) {
        String text = expression.strip();
        Matcher rate = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)").matcher(text);
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            if (value <= 0) throw new IllegalArgumentException("a rate must be positive: " + expression);
            ChronoUnit unit = switch (rate.group(2)) {
                case "minute", "minutes" -> ChronoUnit.MINUTES;
                case "hour", "hours" -> ChronoUnit.HOURS;
                default -> ChronoUnit.DAYS;
            };
            return new Rate(Duration.of(value, unit));
        }
        Matcher cron = Pattern.compile("cron\\((.+)\\)").matcher(text);
        if (cron.matches()) return Cron.parse(cron.group(1));
        throw new IllegalArgumentException("not a schedule expression: " + expression);
    }

    /** {@code rate(...)}: every period, counted from when the schedule was created (here: runtime start). */
    record Rate(Duration period) implements ScheduleExpression {
        @Override
        public Instant nextAfter(Instant after) {
            return after.plus(period);
        }
    }

    /** {@code cron(...)} evaluated minute by minute in UTC. */
    record Cron(BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek, BitSet years,
                boolean anyDayOfMonth, boolean anyDayOfWeek) implements ScheduleExpression {

        static Cron parse(String fields) {
            String[] parts = fields.trim().split("\\s+");
            if (parts.length != 6) throw new IllegalArgumentException("cron needs 6 fields: " + fields);
            return new Cron(field(parts[0], 0, 59), field(parts[1], 0, 23), field(parts[2], 1, 31),
                    field(month(parts[3]), 1, 12), field(weekday(parts[4]), 1, 7), field(parts[5], 1970, 2199),
                    parts[2].equals("?") || parts[2].equals("*"), parts[4].equals("?") || parts[4].equals("*"));
        }

        @Override
        public Instant nextAfter(Instant after) {
            ZonedDateTime t = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            ZonedDateTime limit = t.plusYears(5);
            while (t.isBefore(limit)) {
                if (matches(t)) return t.toInstant();
                t = t.plusMinutes(1);
            }
            throw new IllegalStateException("the cron expression never fires in the next five years");
        }

        private boolean matches(ZonedDateTime t) {
            // EventBridge's day-of-week is 1 = Sunday .. 7 = Saturday
            int weekday = t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1;
            boolean day = anyDayOfMonth && anyDayOfWeek ? true
                    : anyDayOfMonth ? daysOfWeek.get(weekday)
                    : anyDayOfWeek ? daysOfMonth.get(t.getDayOfMonth())
                    : daysOfMonth.get(t.getDayOfMonth()) || daysOfWeek.get(weekday);
            return minutes.get(t.getMinute()) && hours.get(t.getHour()) && months.get(t.getMonthValue())
                    && years.get(t.getYear()) && day;
        }

        private static BitSet field(String spec, int min, int max) {
            BitSet values = new BitSet();
            for (String part : spec.split(",")) {
                if (part.matches(".*[LW#].*")) throw new IllegalArgumentException(part + " is not supported by the local scheduler");
                String range = part;
                int step = 1;
                if (part.contains("/")) {
                    String[] split = part.split("/", 2);
                    range = split[0];
                    step = Integer.parseInt(split[1]);
                }
                int from;
                int to;
                if (range.equals("*") || range.equals("?")) {
                    from = min;
                    to = max;
                } else if (range.contains("-")) {
                    String[] bounds = range.split("-", 2);
                    from = Integer.parseInt(bounds[0]);
                    to = Integer.parseInt(bounds[1]);
                } else {
                    from = Integer.parseInt(range);
                    to = part.contains("/") ? max : from;
                }
                if (from < min || to > max || from > to) throw new IllegalArgumentException(part + " is outside " + min + "-" + max);
                for (int v = from; v <= to; v += step) values.set(v);
            }
            return values;
        }

        private static String month(String spec) {
            String out = spec.toUpperCase(Locale.ROOT);
            String[] names = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
            for (int i = 0; i < names.length; i++) out = out.replace(names[i], String.valueOf(i + 1));
            return out;
        }

        private static String weekday(String spec) {
            String out = spec.toUpperCase(Locale.ROOT);
            String[] names = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
            for (int i = 0; i < names.length; i++) out = out.replace(names[i], String.valueOf(i + 1));
            return out;
        }
    }
}
