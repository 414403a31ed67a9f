package org.autocrm.ticket.ticket;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The agents a message mentions: those named explicitly plus every {@code @name} in the text. */
final class Mentions {

    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([A-Za-z0-9][A-Za-z0-9._-]{0,99})");

    private Mentions() {
    }

    static List<String> of(String body, List<String> explicit) {
        Set<String> mentioned = new LinkedHashSet<>();
        if (explicit != null) {
            explicit.stream().filter(name -> name != null && !name.isBlank()).map(String::strip).forEach(mentioned::add);
        }
        Matcher matcher = MENTION.matcher(body);
        while (matcher.find()) {
            mentioned.add(stripTrailingDot(matcher.group(1)));
        }
        return List.copyOf(mentioned);
    }

    private static String stripTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
