package org.autocrm.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The client secret routing-service signs in to the gateway with (OAuth 2 client credentials), for the local run:
 * generated at the first start (256 random bits) into {@code <data-dir>/automation-client-secret}, readable by its
 * owner only, and reused at every later start, so tokens and a running routing-service survive a restart of either.
 */
public final class AutomationClientSecret {

    public static final String FILE_NAME = "automation-client-secret";
    /** The client id the gateway knows routing-service by (and the {@code sub} of its tokens). */
    public static final String CLIENT_ID = "routing-service";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AutomationClientSecret() {
    }

    /** The secret kept in {@code dataDir}, made there first if there is none yet. */
    public static String inDataDir(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                create(file);
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new IllegalStateException(file + " is empty; delete it and a new secret is made at the next start");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the automation client secret in " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        // URL-safe base64: nothing a form or an HTTP Basic header would have to encode
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // created owner-only, never readable by others even for a moment
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException raced) {
            // another start made it first: use theirs
        }
    }
}
