package org.autocrm.gateway.edge;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Masks what may be a secret in a URL before it is logged: the values of query parameters named
 * like one (a one-time sign-in link's token, an OIDC code, an API key someone put in the URL), and
 * path segments that look like a token (32 or more URL-safe characters that are not a UUID, e.g. a
 * sign-in link {@code /api/auth/link/<token>} or a JWT). Ids stay readable: UUIDs and 24-digit
 * MongoDB ids are shorter or UUID-shaped.
 */
final class SecretsInUrls {

    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(token|key|secret|password|passwd|pwd|code|signature|sig|session|auth|credential|otp|state|nonce).*");

    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9._~+=-]{32,}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private SecretsInUrls() {
    }

    static String maskedPath(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (TOKEN_LIKE.matcher(segments[i]).matches() && !UUID.matcher(segments[i]).matches()) {
                segments[i] = "***";
            }
        }
        return String.join("/", segments);
    }

    static String maskedQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        return Stream.of(rawQuery.split("&"))
                .map(SecretsInUrls::maskedParameter)
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
