package org.autocrm.ticket.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.autocrm.ticket.refusal.Refused;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class AttachmentPolicyTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    private static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] WINDOWS_PROGRAM = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};

    private final AttachmentPolicy policy = new AttachmentPolicy(new AttachmentProperties(DataSize.ofKilobytes(64)));

    @Test
    void acceptsFilesThatAreWhatTheyClaim() {
        assertThat(policy.check("screenshot.png", "image/png", PNG)).isEqualTo(FileKind.PNG);
        assertThat(policy.check("invoice.PDF", "application/octet-stream", PDF)).isEqualTo(FileKind.PDF);
        assertThat(policy.check("error.log", "text/plain", "Stack trace: NPE at line 3\n".getBytes())).isEqualTo(FileKind.TEXT);
        assertThat(policy.check("export.csv", "text/csv", "id;name\n1;Sarah\n".getBytes())).isEqualTo(FileKind.TEXT);
    }

    @Test
    void refusesAProgramDisguisedAsAPdf() {
        assertRefused("invoice.pdf", "application/pdf", WINDOWS_PROGRAM, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "is not a kind of file tickets accept");
    }

    @Test
    void refusesAFileWhoseNameOrTypeLiesAboutItsContent() {
        assertRefused("photo.jpg", "image/jpeg", PDF, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "claims to be .jpg but its content is application/pdf");
        assertRefused("notes", "image/png", "plain words".getBytes(), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "claims to be image/png but its content is text/plain");
    }

    @Test
    void refusesMarkupThatWouldRunScriptsInABrowser() {
        assertRefused("page.txt", "text/plain", "<!DOCTYPE html><script>steal()</script>".getBytes(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "is not a kind of file");
        assertRefused("logo.svg", "image/svg+xml", "<svg onload=\"x()\"></svg>".getBytes(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "is not a kind of file");
    }

    @Test
    void refusesOversizedAndEmptyFiles() {
        byte[] big = new byte[64 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertRefused("big.png", "image/png", big, HttpStatus.PAYLOAD_TOO_LARGE, "accepts files up to");
        assertRefused("empty.txt", "text/plain", new byte[0], HttpStatus.BAD_REQUEST, "file is empty");
    }

    private void assertRefused(String name, String type, byte[] bytes, HttpStatus status, String message) {
        assertThatThrownBy(() -> policy.check(name, type, bytes))
                .isInstanceOfSatisfying(Refused.class,
                        refused -> assertThat(refused.refusal().kind().status()).isEqualTo(status.value()))
                .hasMessageContaining(message);
    }
}
