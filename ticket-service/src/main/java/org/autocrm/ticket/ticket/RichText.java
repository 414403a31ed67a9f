package org.autocrm.ticket.ticket;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Ticket descriptions and messages are rich text written by customers and agents: formatting,
 * links and images stay, scripts, event handlers and styles that could run code are removed.
 */
final class RichText {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .addProtocols("a", "href", "http", "https", "mailto")
            .preserveRelativeLinks(false);

    private RichText() {
    }

    static String sanitise(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.clean(html, ALLOWED).strip();
    }
}
