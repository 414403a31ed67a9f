package org.autocrm.query.projection;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/** Every projection the views declared, with its live listener and its progress in this instance. */
@Component
public class Projections {

    private final Map<String, Projection> byName = new LinkedHashMap<>();
    private final Map<String, ProjectionProgress> progress = new LinkedHashMap<>();
    private final KafkaListenerEndpointRegistry listeners;

    Projections(List<Projection> projections, KafkaListenerEndpointRegistry listeners) {
        this.listeners = listeners;
        for (Projection projection : projections) {
            if (byName.put(projection.name(), projection) != null) {
                throw new IllegalStateException("Two projections are named " + projection.name());
            }
            progress.put(projection.name(), new ProjectionProgress());
        }
    }

    public Collection<Projection> all() {
        return byName.values();
    }

    public Optional<Projection> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public ProjectionProgress progress(Projection projection) {
        return progress.get(projection.name());
    }

    Optional<Projection> fedBy(String listenerId) {
        return byName.values().stream().filter(p -> p.listenerId().equals(listenerId)).findFirst();
    }

    /** The projection whose live listener consumes as this consumer group. */
    Optional<Projection> consumingAs(String groupId) {
        return byName.values().stream()
                .filter(p -> listener(p).map(c -> groupId.equals(c.getGroupId())).orElse(false))
                .findFirst();
    }

    /** The live listener container; empty when the view's listener is not registered (yet). */
    public Optional<MessageListenerContainer> listener(Projection projection) {
        return Optional.ofNullable(listeners.getListenerContainer(projection.listenerId()));
    }

    public String groupId(Projection projection) {
        return listener(projection).map(MessageListenerContainer::getGroupId)
                .orElseThrow(() -> new IllegalStateException("No listener " + projection.listenerId()));
    }
}
