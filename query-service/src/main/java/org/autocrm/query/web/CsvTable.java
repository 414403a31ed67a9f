package org.autocrm.query.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;

/**
 * Writes rows as RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, quote, CR or LF.
 * Every list and table of the read API can be had this way. Text that a spreadsheet would run as a
 * formula (starting with {@code = + - @}, a tab or a CR; a customer can type it into a subject or a name) is
 * written with a leading apostrophe, as OWASP advises against CSV injection; numbers are written as they are.
 */
public final class CsvTable {

    public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvTable() {
    }

    /**
     * Whether the caller asked for CSV: {@code format=csv} (or {@code json}) decides; otherwise an
     * Accept header naming text/csv explicitly.
     */
    public static boolean wanted(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidParameter("format", "must be json or csv, not '" + format + "'");
            };
        }
        return accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.isCompatibleWith(TEXT_CSV) && !type.isWildcardType());
    }

    public static String write(List<String> header, List<List<?>> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        rows.forEach(row -> line(csv, row));
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<?> fields) {
        csv.append(fields.stream().map(CsvTable::field).collect(Collectors.joining(","))).append("\r\n");
    }

    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
