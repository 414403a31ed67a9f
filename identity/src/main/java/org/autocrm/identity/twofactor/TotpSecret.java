package org.autocrm.identity.twofactor;

import java.util.Objects;

/**
 * A user's shared TOTP key, as the Base32 text authenticator apps show and accept. This is the
 * form the caller stores (encrypted at rest) and never returns after enrolment.
 */
public record TotpSecret(String base32) {

    /** RFC 4226 requires at least 128 bits and recommends 160. */
    static final int MINIMUM_BITS = 128;

    public TotpSecret {
        Objects.requireNonNull(base32, "base32");
        byte[] key = Base32.decode(base32);
        if (key.length * 8 < MINIMUM_BITS) {
            throw new IllegalArgumentException("a TOTP secret needs at least " + MINIMUM_BITS + " bits");
        }
    }

    byte[] key() {
        return Base32.decode(base32);
    }

    /** Keeps the secret out of logs and exception messages. */
    @Override
    public String toString() {
        return "TotpSecret[****]";
    }
}
