package org.autocrm.query.projection;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The {@code projections} entry of {@code /actuator/health}: per projection its live listener, lag, events applied
 * and dead-lettered, indices and last rebuild. DOWN when a projection's listener is not running (stopped, or failed
 * to start) or when it is stuck: behind the topic and nothing applied for {@code autocrm.query.projections.stuck-after}
 * (Elasticsearch down, say). UNKNOWN when the lag could not be measured (Kafka unreachable). UP otherwise, including
 * while it is catching up.
 */
@Component
class ProjectionsHealthIndicator implements HealthIndicator {

    private final Projections projections;
    private final ProjectionLag lag;
    private final ProjectionRebuilds rebuilds;
    private final ProjectionProperties properties;
    private final Clock clock = Clock.systemUTC();

    ProjectionsHealthIndicator(Projections projections, ProjectionLag lag, ProjectionRebuilds rebuilds,
                               ProjectionProperties properties) {
        this.projections = projections;
        this.lag = lag;
        this.rebuilds = rebuilds;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Status overall = Status.UP;
        Health.Builder health = Health.up();
        for (Projection projection : projections.all()) {
            Map<String, Object> details = new LinkedHashMap<>();
            Status status = statusOf(projection, details);
            details.put("status", status.getCode());
            health.withDetail(projection.name(), details);
            if (status.equals(Status.DOWN) || status.equals(Status.UNKNOWN) && overall.equals(Status.UP)) {
                overall = status;
            }
        }
        return health.status(overall).build();
    }

    private Status statusOf(Projection projection, Map<String, Object> details) {
        ProjectionProgress progress = projections.progress(projection);
        String listener = projections.listener(projection)
                .map(ProjectionsHealthIndicator::stateOf).orElse("missing");
        details.put("listener", listener);
        details.put("alias", projection.index().alias());
        details.put("appliedSinceStart", progress.applied());
        details.put("deadLetters", progress.deadLettered());
        details.put("lastAppliedAt", progress.lastAppliedAt());
        rebuilds.status(projection.name()).ifPresent(r -> details.put("rebuild", Map.of("state", r.state(),
                "phase", r.phase(), "newIndex", String.valueOf(r.newIndex()))));
        ProjectionLag.Lag measured = lag.lag(projection.name()).orElse(null);
        if (measured != null && measured.known()) {
            details.put("lagEvents", measured.events());
            details.put("lagSeconds", measured.seconds());
            details.put("measuredAt", measured.measuredAt());
        } else if (measured != null) {
            details.put("lagError", measured.error());
        }
        if (!listener.equals("running") && !listener.equals("paused")) {
            details.put("reason", "the live listener is " + listener);
            return Status.DOWN;
        }
        if (measured == null || !measured.known()) {
            return Status.UNKNOWN;
        }
        Instant lastProgress = progress.lastAppliedAt() == null ? lag.startedAt() : progress.lastAppliedAt();
        if (measured.events() > 0 && lastProgress.plus(properties.stuckAfter()).isBefore(clock.instant())) {
            details.put("reason", "behind by " + measured.events() + " events and nothing applied since "
                    + lastProgress);
            return Status.DOWN;
        }
        return Status.UP;
    }

    private static String stateOf(MessageListenerContainer container) {
        if (!container.isRunning()) {
            return "stopped";
        }
        return container.isPauseRequested() ? "paused" : "running";
    }
}
