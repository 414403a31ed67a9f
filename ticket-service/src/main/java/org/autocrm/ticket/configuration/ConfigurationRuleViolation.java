package org.autocrm.ticket.configuration;

import java.util.Map;

/** A ticket configuration command was refused because it breaks a {@link ConfigurationRule}. */
public class ConfigurationRuleViolation extends RuntimeException {

    private final ConfigurationRule rule;
    private final Map<String, Object> details;

    public ConfigurationRuleViolation(ConfigurationRule rule, String message) {
        this(rule, message, Map.of());
    }

    /** @param details extra facts a client can act on (e.g. the unknown placeholders), shown in the problem */
    public ConfigurationRuleViolation(ConfigurationRule rule, String message, Map<String, Object> details) {
        super(message);
        this.rule = rule;
        this.details = Map.copyOf(details);
    }

    public ConfigurationRule rule() {
        return rule;
    }

    public Map<String, Object> details() {
        return details;
    }
}
