package org.autocrm.identity.twofactor;

import java.time.Instant;

/** What the user's authenticator app shows: the code of a secret at a moment. */
public final class TotpCodes {

    private TotpCodes() {
    }

    public static String codeAt(String base32Secret, Instant moment) {
        return TotpAuthenticator.code(new TotpSecret(base32Secret).key(), TotpAuthenticator.stepAt(moment),
                TotpAuthenticator.DIGITS);
    }
}
