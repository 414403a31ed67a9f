package org.autocrm.query.replicafeed;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads every partition of one topic in this replica, on a thread of its own, without a consumer group: every
 * replica sees every record (what a live stream or a presence board needs, unlike a projection, whose replicas
 * share the partitions), no group is left behind on the broker and no offset is ever committed.
 *
 * <p>It starts at the end of the topic, or at the records of a recent period ({@link Start#since}); partitions it
 * finds later (the topic was created or grew after the start) are read from their beginning, since everything in
 * them is new. The {@link Reader} is called on the tail's thread only.
 */
public final class TopicTail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);
    private static final Duration PARTITION_CHECK = Duration.ofSeconds(10);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

    /** What reads the records. */
    public interface Reader {

        /** Reading partition {@code partition} starts at {@code offset}: nothing before it will be seen. */
        void started(int partition, long offset);

        /** One poll's records in offset order per partition (possibly none: called at least every poll interval). */
        void read(List<ConsumerRecord<String, String>> records);

        /**
         * Everything the partitions there at the start held when reading started has been read (called once, after
         * that {@link #read}; at once for a topic that was empty or not there).
         */
        default void caughtUp() {
        }

        /** False holds polling back (records are left on the broker, not lost) while the reader catches up. */
        default boolean wantsMore() {
            return true;
        }
    }

    /** Where reading starts for the partitions there at the start. */
    public record Start(Duration since, boolean fromBeginning) {

        /** Only records published from now on. */
        public static Start atEnd() {
            return new Start(null, false);
        }

        /** The records published within this period before now, and all after. */
        public static Start since(Duration period) {
            return new Start(period, false);
        }

        /** Every record the topic still holds (a small topic a replica rebuilds its state from). */
        public static Start atBeginning() {
            return new Start(null, true);
        }
    }

    private final String topic;
    private final Consumer<String, String> consumer;
    private final Start start;
    private final Reader reader;
    private final Duration pollInterval;
    private final Clock clock;
    private final Thread thread;
    private final Set<Integer> assigned = new HashSet<>();
    private volatile boolean running = true;
    private boolean answeredOnce;
    /** The end offsets of the first partitions when reading started; null once the reader was told it caught up. */
    private Map<TopicPartition, Long> endsAtStart = new HashMap<>();
    private long nextPartitionCheck;

    private TopicTail(String topic, Consumer<String, String> consumer, Start start, Reader reader,
                      Duration pollInterval, Clock clock) {
        this.topic = topic;
        this.consumer = consumer;
        this.start = start;
        this.reader = reader;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.thread = new Thread(this::run, "tail-" + topic);
        this.thread.setDaemon(true);
    }

    /** Starts reading the topic on a new thread. */
    public static TopicTail start(ConsumerFactory<String, String> consumers, String topic, Start start, Reader reader,
                                  Duration pollInterval) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // a broker outage must not hold the thread for the default minute: it retries on its own
        overrides.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        Consumer<String, String> consumer = consumers.createConsumer(null, "query-service-tail-" + topic, null,
                overrides);
        TopicTail tail = new TopicTail(topic, consumer, start, reader, pollInterval, Clock.systemUTC());
        tail.thread.start();
        return tail;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                try {
                    step();
                } catch (WakeupException woken) {
                    // closing
                } catch (RuntimeException e) {
                    log.warn("Reading {} failed, trying again: {}", topic, e.toString());
                    pause(AFTER_FAILURE);
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void step() {
        if (clock.millis() >= nextPartitionCheck) {
            nextPartitionCheck = clock.millis() + PARTITION_CHECK.toMillis();
            assignNewPartitions();
        }
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        if (assigned.isEmpty() || !reader.wantsMore()) {
            pause(pollInterval);
        } else {
            consumer.poll(pollInterval).forEach(records::add);
        }
        reader.read(records);
        if (endsAtStart != null && answeredOnce && endsAtStart.entrySet().stream()
                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
            endsAtStart = null;
            reader.caughtUp();
        }
    }

    private void assignNewPartitions() {
        Set<Integer> found = consumer.partitionsFor(topic).stream().map(info -> info.partition())
                .collect(Collectors.toSet());
        boolean first = !answeredOnce;
        answeredOnce = true;
        found.removeAll(assigned);
        if (found.isEmpty()) {
            return;
        }
        List<TopicPartition> added = found.stream().map(p -> new TopicPartition(topic, p)).toList();
        List<TopicPartition> all = new ArrayList<>(added);
        assigned.forEach(p -> all.add(new TopicPartition(topic, p)));
        consumer.assign(all);
        Map<TopicPartition, Long> offsets = first ? startOffsets(added) : consumer.beginningOffsets(added);
        if (first) {
            endsAtStart.putAll(consumer.endOffsets(added));
        }
        offsets.forEach((partition, offset) -> {
            consumer.seek(partition, offset);
            assigned.add(partition.partition());
            reader.started(partition.partition(), offset);
        });
        log.info("Reading {} partitions {} from {}", topic, found, offsets.values());
    }

    private Map<TopicPartition, Long> startOffsets(Collection<TopicPartition> partitions) {
        if (start.fromBeginning()) {
            return consumer.beginningOffsets(partitions);
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        if (start.since() == null) {
            return ends;
        }
        Map<TopicPartition, Long> times = new HashMap<>();
        long from = clock.millis() - start.since().toMillis();
        partitions.forEach(partition -> times.put(partition, from));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
        partitions.forEach(partition -> {
            OffsetAndTimestamp at = found.get(partition);
            offsets.put(partition, at == null ? ends.get(partition) : at.offset());
        });
        return offsets;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
