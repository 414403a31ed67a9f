package org.autocrm.ticket.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RichTextTest {

    @Test
    void keepsFormattingAndLinksButDropsScriptsAndEventHandlers() {
        String cleaned = RichText.sanitise("<p onclick=\"steal()\">Hi <b>there</b> <script>alert(1)</script>"
                + "<a href=\"https://help.example\" onmouseover=\"x()\">docs</a> <a href=\"javascript:evil()\">x</a></p>");

        assertThat(cleaned).contains("<p>Hi <b>there</b>").contains("<a href=\"https://help.example\">docs</a>")
                .doesNotContain("script").doesNotContain("onclick").doesNotContain("onmouseover")
                .doesNotContain("javascript");
    }

    @Test
    void plainTextStaysReadable() {
        assertThat(RichText.sanitise("It still fails after 3 < 4 tries")).isEqualTo("It still fails after 3 &lt; 4 tries");
    }

    @Test
    void nothingButMarkupIsEmpty() {
        assertThat(RichText.sanitise("<script>alert(1)</script>")).isEmpty();
        assertThat(RichText.sanitise(null)).isEmpty();
    }
}
