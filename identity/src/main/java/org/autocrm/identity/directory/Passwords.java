package org.autocrm.identity.directory;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Passwords are stored as bcrypt hashes (cost 10, adaptive: raise the cost as machines get faster;
 * old hashes keep working). Unknown emails are checked against a dummy hash so that a login for an
 * address that has no account takes as long as one with a wrong password.
 */
@Component
public class Passwords {

    /** At least this many characters; length is what makes a password strong. */
    public static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut. */
    public static final int MAX_LENGTH = 72;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    private final String dummyHash = encoder.encode("no account has this password");

    public String hash(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("password must have " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            encoder.matches("x", dummyHash);
            return false;
        }
        return encoder.matches(password, hash);
    }

    /** Spends the time of a real check, for a login whose account does not exist. */
    public void spendTimeOfACheck() {
        encoder.matches("spend the same time", dummyHash);
    }
}
