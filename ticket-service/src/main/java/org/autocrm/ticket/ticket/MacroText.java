package org.autocrm.ticket.ticket;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a macro body's placeholders, written {@code {{customer.name}}}, with their values; which placeholders a
 * body may use is checked when the canned response is saved, so a placeholder without a value (one added to the
 * definition later) is left as written rather than silently dropped.
 */
public final class MacroText {

    /** A placeholder, with the name as group 1; whitespace inside the braces is allowed. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private MacroText() {
    }

    static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
