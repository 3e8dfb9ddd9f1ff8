package io.newswire.ops.dlq;

/**
 * Names one dead letter by where it sits on the dead-letter topic, {@code partition:offset}: unique, stable for the
 * topic's retention, and what {@code newswire dlq show|replay} take.
 *
 * @param partition the dead-letter topic's partition
 * @param offset    the offset in it
 */
public record DeadLetterId(int partition, long offset) implements Comparable<DeadLetterId> {

    public DeadLetterId {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("A dead letter id is partition:offset, both >= 0, not " + partition + ":" + offset);
        }
    }

    /**
     * @param text {@code partition:offset}, e.g. {@code 2:17}
     * @throws IllegalArgumentException when it is not
     */
    public static DeadLetterId parse(final String text) {
        final String[] parts = text.trim().split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("A dead letter id is partition:offset (e.g. 2:17), not '" + text + "'");
        }
        try {
            return new DeadLetterId(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("A dead letter id is partition:offset (e.g. 2:17), not '" + text + "'", e);
        }
    }

    @Override
    public int compareTo(final DeadLetterId other) {
        return partition != other.partition ? Integer.compare(partition, other.partition) : Long.compare(offset, other.offset);
    }

    @Override
    public String toString() {
        return partition + ":" + offset;
    }
}
