package org.autocrm.ticket.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void keepsOnlyTheBaseNameWithoutControlOrInvisibleCharacters() {
        assertThat(FileNames.sanitised("../../../etc/passwd.png")).isEqualTo("passwd.png");
        assertThat(FileNames.sanitised("C:\\Users\\maria\\screen.png")).isEqualTo("screen.png");
        assertThat(FileNames.sanitised("scr\u0000e\u0001en\u007F.png")).isEqualTo("screen.png");
        assertThat(FileNames.sanitised("invoice\u202Egnp.exe")).isEqualTo("invoicegnp.exe");
        assertThat(FileNames.sanitised("a<b>c:d|e?f*.txt")).isEqualTo("a_b_c_d_e_f_.txt");
        assertThat(FileNames.sanitised("  report  final . ")).isEqualTo("report final");
        assertThat(FileNames.sanitised("Größe.pdf")).isEqualTo("Größe.pdf");
    }

    @Test
    void nothingLeftIsAttachment() {
        assertThat(FileNames.sanitised(null)).isEqualTo("attachment");
        assertThat(FileNames.sanitised("")).isEqualTo("attachment");
        assertThat(FileNames.sanitised("../..")).isEqualTo("attachment");
        assertThat(FileNames.sanitised("dir/")).isEqualTo("attachment");
        assertThat(FileNames.sanitised("\u0000\u0001")).isEqualTo("attachment");
    }

    @Test
    void longNamesAreCappedKeepingTheirExtension() {
        String name = FileNames.sanitised("x".repeat(500) + ".pdf");
        assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith("x.pdf");
        assertThat(FileNames.sanitised("😀".repeat(300))).hasSize(FileNames.MAX_LENGTH * 2);
    }
}
