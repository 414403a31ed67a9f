package org.autocrm.query.metrics.web;

import java.util.List;
import java.util.stream.Collectors;

/** Writes rows as RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, quote, CR or LF. */
final class CsvTable {

    private CsvTable() {
    }

    static String write(List<String> header, List<List<?>> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        rows.forEach(row -> line(csv, row));
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<?> fields) {
        csv.append(fields.stream().map(CsvTable::field).collect(Collectors.joining(","))).append("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
