package org.autocrm.query.projection;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the live listener of one projection has done in this instance: the next offset per partition, when it last
 * applied an event and that event's time, and how many events it applied or dead-lettered. Readers waiting for a
 * write (read-your-writes) are woken whenever an event is applied.
 */
public final class ProjectionProgress {

    private final Map<Integer, Long> nextOffsets = new ConcurrentHashMap<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private volatile Instant lastAppliedAt;
    private volatile Instant lastEventTime;

    void applied(ConsumerRecord<?, ?> record, Instant now) {
        nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
        applied.incrementAndGet();
        lastAppliedAt = now;
        if (record.timestamp() >= 0) {
            lastEventTime = Instant.ofEpochMilli(record.timestamp());
        }
        signal();
    }

    void deadLettered(ConsumerRecord<?, ?> record, Instant now) {
        // a dead-lettered event is passed over: the partition moves on as if it were applied
        nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
        deadLettered.incrementAndGet();
        lastAppliedAt = now;
        signal();
    }

    /** Waits until the next event is applied, at most {@code millis}; false when none was. */
    public boolean awaitNext(long millis) throws InterruptedException {
        lock.lock();
        try {
            return advanced.await(millis, TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The offset after the last record processed, per partition this instance has consumed. */
    public Map<Integer, Long> nextOffsets() {
        return Map.copyOf(nextOffsets);
    }

    public long applied() {
        return applied.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    /** When this instance last applied (or dead-lettered) an event; null if never since it started. */
    public Instant lastAppliedAt() {
        return lastAppliedAt;
    }

    /** The Kafka timestamp of the last event applied; null if none since the start. */
    public Instant lastEventTime() {
        return lastEventTime;
    }
}
