package org.autocrm.identity.twofactor;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords as every authenticator app computes them: HMAC-SHA1,
 * six digits, 30-second steps counted from the Unix epoch. A code of the step before or after
 * the current one is accepted too, so a phone clock a little off or a code typed at the end of
 * its step still works.
 */
public final class TotpAuthenticator {

    static final String ISSUER = "AutoCRM";
    static final long STEP_SECONDS = 30;
    static final int DIGITS = 6;
    /** Steps accepted on either side of the current one. */
    static final int WINDOW = 1;
    private static final int SECRET_BYTES = 20;
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000};

    private final SecureRandom random;

    public TotpAuthenticator() {
        this(new SecureRandom());
    }

    TotpAuthenticator(SecureRandom random) {
        this.random = random;
    }

    /** A new random 160-bit secret for one user's enrolment. */
    public TotpSecret generateSecret() {
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        return new TotpSecret(Base32.encode(key));
    }

    /**
     * The Key URI authenticator apps read from a QR code:
     * {@code otpauth://totp/AutoCRM:<email>?secret=...&issuer=AutoCRM}.
     */
    public String enrolmentUri(String email, TotpSecret secret) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("an enrolment needs the user's email to label the account");
        }
        return "otpauth://totp/" + ISSUER + ":" + encode(email.strip())
                + "?secret=" + secret.base32() + "&issuer=" + ISSUER;
    }

    /**
     * Checks a code typed by the user against the steps around {@code now}. A step at or before
     * {@code lastAcceptedStep} is never accepted again, so a code seen over someone's shoulder
     * cannot be reused. Pass {@code -1} (or any negative number) when the user has never
     * confirmed a code; store {@link TotpCheck#lastAcceptedStep()} whenever the code is accepted.
     */
    public TotpCheck verify(TotpSecret secret, String code, long lastAcceptedStep, Instant now) {
        String digits = normalise(code);
        if (digits == null) {
            return new TotpCheck(TotpCheck.Outcome.MALFORMED, lastAcceptedStep);
        }
        byte[] typed = digits.getBytes(StandardCharsets.US_ASCII);
        byte[] key = secret.key();
        long current = stepAt(now);
        boolean usedBefore = false;
        // Every step of the window is computed, whatever matches, so timing tells nothing.
        long acceptedStep = -1;
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            byte[] expected = code(key, step, DIGITS).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, typed)) {
                if (step > lastAcceptedStep && acceptedStep < 0) {
                    acceptedStep = step;
                } else if (step <= lastAcceptedStep) {
                    usedBefore = true;
                }
            }
        }
        if (acceptedStep >= 0) {
            return new TotpCheck(TotpCheck.Outcome.ACCEPTED, acceptedStep);
        }
        return new TotpCheck(usedBefore ? TotpCheck.Outcome.REPLAYED : TotpCheck.Outcome.WRONG_CODE,
                lastAcceptedStep);
    }

    static long stepAt(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** RFC 4226 HOTP of one counter value, truncated to {@code digits} digits. */
    static String code(byte[] key, long step, int digits) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException jdkWithoutHmacSha1) {
            throw new IllegalStateException("the JDK offers no HmacSHA1", jdkWithoutHmacSha1);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        String value = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - value.length()) + value;
    }

    /** Six ASCII digits, allowing the space apps show in the middle ("123 456"); else null. */
    private static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String compact = code.strip().replace(" ", "");
        if (compact.length() != DIGITS) {
            return null;
        }
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            // Character.isDigit would let other scripts' digits through
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return compact;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
