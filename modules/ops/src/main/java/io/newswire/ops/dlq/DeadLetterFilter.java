package io.newswire.ops.dlq;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which dead letters an operator asked for: a stage (exact, case-insensitive), a reason (a case-insensitive part of
 * the reason or the error class) and a time (failed at or after {@code since}). Each criterion may be absent; all
 * given must hold.
 *
 * @param stage  May be null (any stage).
 * @param reason May be null (any reason).
 * @param since  May be null (any time).
 */
public record DeadLetterFilter(String stage, String reason, Instant since) implements Predicate<DeadLetterEntry> {

    private static final Pattern AGO = Pattern.compile("(\\d+)\\s*([smhd])");

    /** Every dead letter. */
    public static DeadLetterFilter any() {
        return new DeadLetterFilter(null, null, null);
    }

    /** Whether any criterion is given (a replay without ids needs one). */
    public boolean selective() {
        return stage != null || reason != null || since != null;
    }

    @Override
    public boolean test(final DeadLetterEntry entry) {
        if (stage != null && !stage.equalsIgnoreCase(entry.stage())) {
            return false;
        }
        if (reason != null) {
            final String wanted = reason.toLowerCase(Locale.ROOT);
            final boolean inReason = entry.reason() != null && entry.reason().toLowerCase(Locale.ROOT).contains(wanted);
            final boolean inError = entry.errorClass() != null && entry.errorClass().toLowerCase(Locale.ROOT).contains(wanted);
            if (!inReason && !inError) {
                return false;
            }
        }
        return since == null || !entry.failedAt().isBefore(since);
    }

    /**
     * The instant a {@code --since} value names: a span back from now ({@code 90s}, {@code 30m}, {@code 1h},
     * {@code 2d}) or an ISO-8601 instant ({@code 2026-12-03T10:00:00Z}).
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static Instant since(final String text, final Instant now) {
        final Matcher ago = AGO.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (ago.matches()) {
            final long amount = Long.parseLong(ago.group(1));
            final Duration span = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return now.minus(span);
        }
        try {
            return Instant.parse(text.trim());
        } catch (final java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--since takes a span back from now (90s, 30m, 1h, 2d) or an instant "
                    + "(2026-12-03T10:00:00Z), not '" + text + "'", e);
        }
    }
}
