package org.autocrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's automation client secret: made once per data dir, for its owner's eyes only, kept across starts. */
class AutomationClientSecretTest {

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartMakesAnOwnerOnlySecretThatLaterStartsReuse() throws IOException {
        String first = AutomationClientSecret.inDataDir(dataDir);

        Path file = dataDir.resolve("automation-client-secret");
        assertThat(file).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first).matches("[A-Za-z0-9_-]{43}"); // 256 bits, nothing a form or Basic header must encode
        assertThat(AutomationClientSecret.inDataDir(dataDir)).isEqualTo(first);
    }

    @Test
    void eachDataDirHasASecretOfItsOwn(@TempDir Path other) {
        assertThat(AutomationClientSecret.inDataDir(other)).isNotEqualTo(AutomationClientSecret.inDataDir(dataDir));
    }
}
