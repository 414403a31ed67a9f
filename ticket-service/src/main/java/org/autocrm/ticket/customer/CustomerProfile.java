package org.autocrm.ticket.customer;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.autocrm.ticket.refusal.Refused;

/**
 * The editable fields of a customer, normalised: trimmed, blanks as null, emails in lower case
 * without repeats (the first is the primary one), the language as a canonical BCP 47 tag and the
 * time zone as a {@link ZoneId} id.
 *
 * <p>The canonical constructor only holds values (it rebuilds the profile from stored events);
 * {@link #normalised} is the policy that checks and normalises what a command asks for.
 */
public record CustomerProfile(String name, List<String> emails, String phone, String company, String tier,
                              String language, String timeZone, String externalId) {

    private static final String ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
    private static final Pattern EMAIL = Pattern.compile(
            ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+\\p{L}[\\p{L}\\p{N}-]*[\\p{L}\\p{N}]");
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final int MAX_LOCAL_PART_LENGTH = 64;

    public CustomerProfile {
        emails = emails == null ? List.of() : List.copyOf(emails);
    }

    /** The first email, or null when the customer has none. */
    public String primaryEmail() {
        return emails.isEmpty() ? null : emails.get(0);
    }

    /** Checks and normalises the fields of a command; throws {@link Refused} for the first broken rule. */
    public static CustomerProfile normalised(String name, List<String> emails, String phone, String company,
                                             String tier, String language, String timeZone, String externalId) {
        String cleanName = clean(name);
        if (cleanName == null) {
            throw new Refused(CustomerRule.CUSTOMER_NAME_REQUIRED, "name is required: a customer needs a name");
        }
        return new CustomerProfile(cleanName, emails(emails), clean(phone), clean(company), clean(tier),
                language(language), timeZone(timeZone), clean(externalId));
    }

    private static List<String> emails(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        Set<String> emails = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String email = requested.get(i) == null ? "" : requested.get(i).strip().toLowerCase(Locale.ROOT);
            if (!isValidEmail(email)) {
                throw new Refused(CustomerRule.CUSTOMER_EMAIL_INVALID,
                        "emails[" + i + "] '" + requested.get(i) + "' is not a valid email address");
            }
            emails.add(email);
        }
        return new ArrayList<>(emails);
    }

    private static boolean isValidEmail(String email) {
        return email.length() <= MAX_EMAIL_LENGTH
                && email.indexOf('@') <= MAX_LOCAL_PART_LENGTH
                && EMAIL.matcher(email).matches();
    }

    private static String language(String requested) {
        String tag = clean(requested);
        if (tag == null) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (locale.getLanguage().length() < 2 || locale.getLanguage().length() > 3) {
                throw new IllformedLocaleException("no two- or three-letter language subtag");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new Refused(CustomerRule.CUSTOMER_LANGUAGE_INVALID,
                    "language '" + requested + "' is not a BCP 47 language tag such as en or de-CH");
        }
    }

    private static String timeZone(String requested) {
        String zone = clean(requested);
        if (zone == null) {
            return null;
        }
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw new Refused(CustomerRule.CUSTOMER_TIME_ZONE_INVALID,
                    "timeZone '" + requested + "' is not a time zone such as Europe/Berlin");
        }
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
