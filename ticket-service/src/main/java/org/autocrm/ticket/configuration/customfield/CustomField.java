package org.autocrm.ticket.configuration.customfield;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Objects;
import org.autocrm.events.CustomFieldChanged;
import org.autocrm.events.CustomFieldDefined;
import org.autocrm.events.CustomFieldRetired;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.configuration.UniqueNames;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.ticket.TicketConfiguration.FieldType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The definition of one custom ticket field of a tenant. Its key is unique in the tenant (retired
 * fields keep theirs) and, like its type, never changes; a retired field cannot be changed.
 */
@Aggregate
public class CustomField {

    @AggregateIdentifier
    private String fieldId;
    private String tenantId;
    private String key;
    private FieldType type;
    private String label;
    private List<String> options;
    private boolean required;
    private boolean visibleToCustomers;
    private boolean retired;

    protected CustomField() {
        // for Axon to rebuild the field from its events
    }

    @CommandHandler
    public CustomField(DefineCustomField command, UniqueNames names) {
        String key = CustomFieldRules.key(command.key());
        String label = CustomFieldRules.label(command.label());
        FieldType type = CustomFieldRules.type(command.type());
        List<String> options = CustomFieldRules.options(type, command.options());
        if (!names.claim(command.tenantId(), UniqueNames.Kind.CUSTOM_FIELD_KEY, key, command.fieldId())) {
            throw new Refused(ConfigurationRule.CUSTOM_FIELD_KEY_TAKEN,
                    "key '" + key + "' is already used by another custom field (retired ones included)");
        }
        apply(new CustomFieldDefined(command.fieldId(), command.tenantId(), key, label,
                CustomFieldRules.wireName(type), options, command.required(), command.visibleToCustomers(),
                command.by(), GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(ChangeCustomField command) {
        requireTenant(command.tenantId(), command.fieldId());
        if (retired) {
            throw new Refused(ConfigurationRule.CUSTOM_FIELD_RETIRED,
                    "Custom field '" + key + "' is retired and can no longer be changed");
        }
        if (command.key() != null && !command.key().equals(key)) {
            throw new Refused(ConfigurationRule.CUSTOM_FIELD_KEY_IMMUTABLE,
                    "key never changes: it is '" + key + "'; define a new field for another key");
        }
        if (command.type() != null && CustomFieldRules.typeOf(command.type()).filter(type::equals).isEmpty()) {
            throw new Refused(ConfigurationRule.CUSTOM_FIELD_TYPE_IMMUTABLE,
                    "type never changes: it is " + CustomFieldRules.wireName(type) + "; define a new field for another type");
        }
        String newLabel = command.label() == null ? label : CustomFieldRules.label(command.label());
        List<String> newOptions = command.options() == null ? options : CustomFieldRules.options(type, command.options());
        boolean newRequired = command.required() == null ? required : command.required();
        boolean newVisible = command.visibleToCustomers() == null ? visibleToCustomers : command.visibleToCustomers();
        if (newLabel.equals(label) && newOptions.equals(options) && newRequired == required
                && newVisible == visibleToCustomers) {
            return;
        }
        apply(new CustomFieldChanged(fieldId, tenantId, newLabel, newOptions, newRequired, newVisible, command.by(),
                GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(RetireCustomField command) {
        requireTenant(command.tenantId(), command.fieldId());
        if (retired) {
            throw new Refused(ConfigurationRule.CUSTOM_FIELD_RETIRED,
                    "Custom field '" + key + "' is already retired");
        }
        apply(new CustomFieldRetired(fieldId, tenantId, command.by(), GenericEventMessage.clock.instant()));
    }

    /** Refuses, as if it did not exist, a field of another tenant. */
    private void requireTenant(String tenantId, String requestedId) {
        if (!Objects.equals(tenantId, this.tenantId)) {
            throw new Refused(ConfigurationRule.CUSTOM_FIELD_NOT_FOUND,
                    "There is no custom field " + requestedId);
        }
    }

    @EventSourcingHandler
    void on(CustomFieldDefined event) {
        fieldId = event.fieldId();
        tenantId = event.tenantId();
        key = event.key();
        type = CustomFieldRules.type(event.type());
        label = event.label();
        options = event.options();
        required = event.required();
        visibleToCustomers = event.visibleToCustomers();
    }

    @EventSourcingHandler
    void on(CustomFieldChanged event) {
        label = event.label();
        options = event.options();
        required = event.required();
        visibleToCustomers = event.visibleToCustomers();
    }

    @EventSourcingHandler
    void on(CustomFieldRetired event) {
        retired = true;
    }
}
