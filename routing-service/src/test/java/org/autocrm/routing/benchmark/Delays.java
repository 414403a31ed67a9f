package org.autocrm.routing.benchmark;

import java.util.Arrays;

/** Delays in milliseconds, recorded from any thread, and their percentiles. */
final class Delays {

    private long[] millis = new long[1024];
    private int count;

    synchronized void record(long delayMillis) {
        if (count == millis.length) {
            millis = Arrays.copyOf(millis, count * 2);
        }
        millis[count++] = delayMillis;
    }

    synchronized int count() {
        return count;
    }

    /** The nearest-rank percentile (100 is the maximum); NaN when nothing was recorded. */
    synchronized double percentile(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(millis, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))];
    }

    String summary() {
        return String.format("n=%,d p50=%,.0f ms p99=%,.0f ms max=%,.0f ms", count(), percentile(50), percentile(99),
                percentile(100));
    }
}
