package org.autocrm.query.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Installs every projection's index template and creates its first index when the alias is missing, at startup.
 * Elasticsearch being down then is no reason not to start: the projections do the same on their first write.
 */
@Component
class ProjectionIndicesAtStartup {

    private static final Logger log = LoggerFactory.getLogger(ProjectionIndicesAtStartup.class);

    private final Projections projections;

    ProjectionIndicesAtStartup(Projections projections) {
        this.projections = projections;
    }

    @EventListener(ApplicationStartedEvent.class)
    void install() {
        for (Projection projection : projections.all()) {
            try {
                projection.index().ensureExists();
            } catch (Exception e) {
                log.warn("Could not prepare the index of projection {} at startup (retried on first use): {}",
                        projection.name(), e.toString());
            }
        }
    }
}
