package org.autocrm.query.live;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How far through the ticket topic a stream has got: per partition, the offset of the first event it has not had
 * yet. It is the {@code id} of every stream event, so a client resumes with {@code Last-Event-ID} on any replica:
 * Kafka's offsets are the same for all of them. Written as the offsets joined by dots, partition 0 first.
 */
public final class Position {

    private static final Pattern FORMAT = Pattern.compile("\\d{1,19}(\\.\\d{1,19}){0,1023}");

    private long[] offsets;

    private Position(long[] offsets) {
        this.offsets = offsets;
    }

    static Position empty() {
        return new Position(new long[0]);
    }

    /** A position as a client sent it back; refuses anything this service did not write. */
    public static Position parse(String value) {
        if (value == null || !FORMAT.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException("must be the id of an event of this stream, such as 12.0.7");
        }
        try {
            return new Position(Arrays.stream(value.strip().split("\\.")).mapToLong(Long::parseLong).toArray());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be the id of an event of this stream, such as 12.0.7");
        }
    }

    /** The offset from which partition {@code partition} is still to come (0 where this position says nothing). */
    long of(int partition) {
        return partition < offsets.length ? offsets[partition] : 0;
    }

    /** Moves partition {@code partition} forward to {@code next}; never back. */
    void advance(int partition, long next) {
        if (partition >= offsets.length) {
            offsets = Arrays.copyOf(offsets, partition + 1);
        }
        offsets[partition] = Math.max(offsets[partition], next);
    }

    /** Moves every partition forward to at least where {@code other} is. */
    void advanceTo(Position other) {
        for (int partition = 0; partition < other.offsets.length; partition++) {
            advance(partition, other.offsets[partition]);
        }
    }

    int partitions() {
        return offsets.length;
    }

    Position copy() {
        return new Position(offsets.clone());
    }

    boolean isEmpty() {
        return offsets.length == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Position position && Arrays.equals(offsets, position.offsets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(offsets);
    }

    @Override
    public String toString() {
        return Arrays.stream(offsets).mapToObj(Long::toString).collect(Collectors.joining("."));
    }
}
