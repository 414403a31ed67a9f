package org.autocrm.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    @Test
    void refusesC0ExceptTabLineFeedAndCarriageReturnAndDelAndC1() {
        for (char c = 0; c < 0x20; c++) {
            assertThat(ControlCharacters.refused(c)).as("U+%04X", (int) c).isEqualTo(c != '\t' && c != '\n' && c != '\r');
        }
        for (char c = 0x7f; c <= 0x9f; c++) {
            assertThat(ControlCharacters.refused(c)).as("U+%04X", (int) c).isTrue();
        }
        assertThat(ControlCharacters.refused(' ')).isFalse();
        assertThat(ControlCharacters.refused('~')).isFalse();
        assertThat(ControlCharacters.refused('\u00a0')).isFalse();
        assertThat(ControlCharacters.refused('é')).isFalse();
        assertThat(ControlCharacters.refused('\u2028')).isFalse();
        assertThat(ControlCharacters.indexIn("Ann 😀 Lee\t")).isEqualTo(-1);
    }

    @Test
    void namesWhatItFoundWithoutEchoingIt() {
        assertThat(ControlCharacters.indexIn("ab\u0000c")).isEqualTo(2);
        assertThat(ControlCharacters.codePoint('\u0085')).isEqualTo("U+0085");
        assertThat(ControlCharacters.printable("pl\u0000an\u001b")).isEqualTo("pl\\u0000an\\u001B");
    }
}
