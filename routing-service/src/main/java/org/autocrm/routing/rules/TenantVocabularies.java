package org.autocrm.routing.rules;

/**
 * A tenant's words for rules, kept from ticket-service's configuration stream ({@code autocrm.ticket-configuration.v1}):
 * its custom fields. Channels and priorities are not kept (yet): they are accepted as written.
 */
public interface TenantVocabularies {

    /** For a new or changed rule: the custom fields that can still be set (a retired one is refused). */
    RuleVocabulary forEditing(String tenantId);

    /**
     * For running and trying stored rules: every custom field ever defined, retired ones too, whose values stay on
     * tickets, so a rule written before a field was retired keeps running.
     */
    RuleVocabulary forRunning(String tenantId);
}
