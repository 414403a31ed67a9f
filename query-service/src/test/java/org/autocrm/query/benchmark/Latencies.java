package org.autocrm.query.benchmark;

import java.util.Arrays;

/** Recorded durations in microseconds, and their percentiles. Not thread-safe: one recorder per thread. */
final class Latencies {

    private final String name;
    private long[] micros = new long[1024];
    private int count;

    Latencies(String name) {
        this.name = name;
    }

    void record(long nanos) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = nanos / 1000;
    }

    synchronized void recordShared(long nanos) {
        record(nanos);
    }

    int count() {
        return count;
    }

    double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1000.0;
    }

    String line() {
        return String.format("%-34s n=%-6d p50=%8.1f ms  p99=%8.1f ms  max=%8.1f ms", name, count,
                percentileMillis(50), percentileMillis(99), percentileMillis(100));
    }
}
