package org.autocrm.gateway.edge;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Masks the values of query parameters that may carry a secret (a one-time sign-in link's token,
 * an OIDC code, an API key someone put in the URL) before a query string is logged.
 */
final class SecretQueryValues {

    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(token|key|secret|password|passwd|pwd|code|signature|sig|session|auth|credential|otp|state|nonce).*");

    private SecretQueryValues() {
    }

    static String masked(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        return Stream.of(rawQuery.split("&"))
                .map(SecretQueryValues::maskedParameter)
                .collect(Collectors.joining("&"));
    }

    private static String maskedParameter(String parameter) {
        int equals = parameter.indexOf('=');
        if (equals < 0) {
            return parameter;
        }
        String name = parameter.substring(0, equals);
        return SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches() ? name + "=***" : parameter;
    }
}
