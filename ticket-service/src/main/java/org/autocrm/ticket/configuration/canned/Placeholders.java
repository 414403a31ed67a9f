package org.autocrm.ticket.configuration.canned;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.ticket.MacroText;

/**
 * The placeholders a canned response body may use, written {@code {{customer.name}}}; they are
 * filled in when an agent applies the response to a ticket.
 */
public final class Placeholders {

    /** Every placeholder there is a value for when a canned response is applied. */
    public static final List<String> KNOWN = List.of(
            "customer.name", "customer.email", "customer.company",
            "ticket.id", "ticket.number", "ticket.subject", "ticket.status", "ticket.priority",
            "agent.name");

    private static final Pattern PLACEHOLDER = MacroText.PLACEHOLDER;

    private Placeholders() {
    }

    /** Refuses a body that uses a placeholder without a value, naming every such placeholder. */
    static void check(String body) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(body);
        while (matcher.find()) {
            if (!KNOWN.contains(matcher.group(1))) {
                unknown.add("{{" + matcher.group(1) + "}}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new Refused(ConfigurationRule.CANNED_RESPONSE_UNKNOWN_PLACEHOLDER,
                    "body uses unknown placeholders " + String.join(", ", unknown) + "; known are "
                            + String.join(", ", KNOWN.stream().map(name -> "{{" + name + "}}").toList()),
                    Map.of("unknownPlaceholders", List.copyOf(unknown)));
        }
        String rest = matcher.replaceAll("");
        if (rest.contains("{{") || rest.contains("}}")) {
            throw new Refused(ConfigurationRule.CANNED_RESPONSE_BODY_INVALID,
                    "body has an unclosed placeholder: write placeholders as {{customer.name}}");
        }
    }
}
