package org.autocrm.identity.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One-use codes that let a staff user sign in when their phone is lost. Each code carries 80
 * random bits, so a plain SHA-256 of it is as safe to store as a slow password hash would be and
 * lets a login check all of a user's codes at once.
 */
public final class RecoveryCodes {

    static final int GROUPS = 4;
    static final int GROUP_LENGTH = 4;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final SecureRandom random;

    public RecoveryCodes() {
        this(new SecureRandom());
    }

    RecoveryCodes(SecureRandom random) {
        this.random = random;
    }

    /** Codes shown to the user once, and their hashes, which are all the caller stores. */
    public record Issued(List<String> plainCodes, List<String> hashes) {

        public Issued {
            plainCodes = List.copyOf(plainCodes);
            hashes = List.copyOf(hashes);
        }
    }

    /**
     * The answer to one recovery code. When accepted, the caller removes {@link #consumedHash()}
     * from the stored list atomically (e.g. a Mongo {@code $pull} conditioned on the hash still
     * being there), so two logins racing with the same code cannot both succeed.
     */
    public record Redemption(boolean accepted, String consumedHash, List<String> remainingHashes) {

        public Redemption {
            remainingHashes = List.copyOf(remainingHashes);
        }
    }

    public Issued generate(int count) {
        if (count < 1 || count > 50) {
            throw new IllegalArgumentException("between 1 and 50 recovery codes, not " + count);
        }
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < count) {
            codes.add(newCode());
        }
        List<String> plain = new ArrayList<>(codes);
        return new Issued(plain, plain.stream().map(RecoveryCodes::hash).toList());
    }

    public Redemption redeem(String code, List<String> storedHashes) {
        String normalised = normalise(code);
        if (normalised == null) {
            return new Redemption(false, null, storedHashes);
        }
        byte[] candidate = hash(normalised).getBytes(StandardCharsets.US_ASCII);
        String match = null;
        for (String stored : storedHashes) {
            if (MessageDigest.isEqual(candidate, stored.getBytes(StandardCharsets.US_ASCII)) && match == null) {
                match = stored;
            }
        }
        if (match == null) {
            return new Redemption(false, null, storedHashes);
        }
        List<String> remaining = new ArrayList<>(storedHashes);
        remaining.remove(match);
        return new Redemption(true, match, remaining);
    }

    private String newCode() {
        StringBuilder code = new StringBuilder();
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                code.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return code.toString();
    }

    /** People type codes in any case and with or without the dashes; null if it cannot be one. */
    private static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String compact = code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.length() != GROUPS * GROUP_LENGTH) {
            return null;
        }
        for (int i = 0; i < compact.length(); i++) {
            if (ALPHABET.indexOf(compact.charAt(i)) < 0) {
                return null;
            }
        }
        return compact;
    }

    private static String hash(String code) {
        String compact = code.replace("-", "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(compact.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException jdkWithoutSha256) {
            throw new IllegalStateException("the JDK offers no SHA-256", jdkWithoutSha256);
        }
    }
}
