package org.autocrm.routing.rules.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.autocrm.events.CustomFieldChanged;
import org.autocrm.events.CustomFieldDefined;
import org.autocrm.events.CustomFieldRetired;
import org.autocrm.events.EventStreams;
import org.autocrm.events.EventTypes;
import org.autocrm.events.PublishedEvent;
import org.autocrm.routing.infrastructure.EventConsumption;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps tenants' custom field definitions from {@code autocrm.ticket-configuration.v1}, so that rule conditions on
 * {@code customFields.<key>} are checked against the tenant's own fields. Other configuration events (categories,
 * canned responses, status labels, priorities) and unknown types are skipped.
 */
@Component
class TicketConfigurationEventsListener {

    private final MongoTenantVocabularies vocabularies;
    private final ObjectMapper json;

    TicketConfigurationEventsListener(MongoTenantVocabularies vocabularies, ObjectMapper json) {
        this.vocabularies = vocabularies;
        this.json = json;
    }

    @KafkaListener(id = "routing-ticket-configuration", topics = EventStreams.TICKET_CONFIGURATION,
            groupId = "${autocrm.routing.rules.configuration-consumer-group:routing-service-configuration}",
            containerFactory = EventConsumption.CONTAINER_FACTORY)
    void on(ConsumerRecord<String, String> record) throws JsonProcessingException {
        JsonNode envelope = json.readTree(record.value());
        Optional<Class<? extends PublishedEvent>> type = EventTypes.payloadOf(envelope.path("type").asText());
        if (type.isEmpty()) {
            return;
        }
        Class<? extends PublishedEvent> payloadType = type.get();
        if (payloadType != CustomFieldDefined.class && payloadType != CustomFieldChanged.class
                && payloadType != CustomFieldRetired.class) {
            return;
        }
        PublishedEvent payload = json.treeToValue(envelope.path("data"), payloadType);
        String tenant = envelope.path("tenantId").asText(payload.tenantId());
        long sequence = envelope.path("sequence").asLong();
        if (payload instanceof CustomFieldDefined defined) {
            vocabularies.defined(tenant, defined.fieldId(), defined.key(), defined.type(), defined.options(), sequence);
        } else if (payload instanceof CustomFieldChanged changed) {
            vocabularies.changed(tenant, changed.fieldId(), changed.options(), sequence);
        } else if (payload instanceof CustomFieldRetired retired) {
            vocabularies.retired(tenant, retired.fieldId(), sequence);
        }
    }
}
