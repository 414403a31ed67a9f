package org.autocrm.deploy.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.autocrm.deploy.contract.FuzzRequest.Role;
import org.autocrm.deploy.contract.RequestRunner.Exchange;
import org.autocrm.deploy.contract.ResponseChecker.Finding;
import org.autocrm.deploy.contract.ResponseChecker.Kind;

/**
 * The report: how to replay the run, the requests sent per operation and role with the statuses seen, and the
 * failures by kind, grouped by operation and detail, each group with a count and one example request and answer.
 */
final class FuzzReport {

    private final long seed;
    private final List<Exchange> exchanges;
    private final List<Finding> findings;
    private final String preamble;

    FuzzReport(long seed, String preamble, List<Exchange> exchanges, List<Finding> findings) {
        this.seed = seed;
        this.preamble = preamble;
        this.exchanges = exchanges;
        this.findings = findings;
    }

    Map<Kind, Long> countsByKind() {
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            counts.put(kind, findings.stream().filter(f -> f.kind() == kind).count());
        }
        return counts;
    }

    /** The one-paragraph verdict the assertion shows. */
    String verdict() {
        return countsByKind().entrySet().stream().map(e -> e.getValue() + " × " + e.getKey().label)
                .collect(Collectors.joining(", ")) + " over " + exchanges.size() + " requests (seed " + seed
                + "; replay with -Dautocrm.fuzz.seed=" + seed + "; full report in target/contract-fuzz-report.txt)";
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        out.append(preamble).append('\n');
        out.append("Failures: ").append(verdict()).append("\n\n");
        out.append("Requests per operation and role, and the statuses seen\n");
        out.append(String.format("%-62s %6s %6s %6s %6s %6s %6s  %s%n", "operation", "ADMIN", "LEAD", "AGENT", "CUST", "KEY",
                "valid", "statuses (count)"));
        Map<String, List<Exchange>> byOperation = exchanges.stream()
                .collect(Collectors.groupingBy(e -> e.request().operation().key(), TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Exchange>> operation : byOperation.entrySet()) {
            Map<Role, Long> roles = operation.getValue().stream()
                    .collect(Collectors.groupingBy(e -> e.request().role(), () -> new EnumMap<>(Role.class), Collectors.counting()));
            Map<Integer, Long> statuses = operation.getValue().stream()
                    .collect(Collectors.groupingBy(Exchange::status, TreeMap::new, Collectors.counting()));
            long valid = operation.getValue().stream().filter(e -> e.request().valid()).count();
            out.append(String.format("%-62s %6d %6d %6d %6d %6d %6d  %s%n", Excerpt.of(operation.getKey(), 62),
                    roles.getOrDefault(Role.ADMIN, 0L), roles.getOrDefault(Role.TEAM_LEAD, 0L), roles.getOrDefault(Role.AGENT, 0L),
                    roles.getOrDefault(Role.CUSTOMER, 0L), roles.getOrDefault(Role.API_KEY, 0L), valid,
                    statuses.entrySet().stream().map(s -> (s.getKey() == 0 ? "none" : s.getKey() < 0 ? "unsent" : s.getKey().toString())
                            + "×" + s.getValue()).collect(Collectors.joining(" "))));
        }
        return out.toString();
    }

    String failures() {
        StringBuilder out = new StringBuilder();
        for (Kind kind : Kind.values()) {
            List<Finding> ofKind = findings.stream().filter(f -> f.kind() == kind).toList();
            out.append("\n=== ").append(kind.label).append(": ").append(ofKind.size()).append(" ===\n");
            if (ofKind.isEmpty()) {
                continue;
            }
            Map<String, Long> perOperation = ofKind.stream().collect(Collectors.groupingBy(Finding::operation, Collectors.counting()));
            out.append("by operation: ").append(perOperation.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "))).append('\n');
            Map<String, List<Finding>> groups = new LinkedHashMap<>();
            ofKind.stream().sorted(Comparator.comparing(Finding::operation))
                    .forEach(f -> groups.computeIfAbsent(f.operation() + " | " + f.detail(), k -> new java.util.ArrayList<>()).add(f));
            for (Map.Entry<String, List<Finding>> group : groups.entrySet()) {
                Finding example = group.getValue().stream().filter(f -> f.exchange().request().valid()).findFirst()
                        .orElse(group.getValue().get(0));
                Exchange exchange = example.exchange();
                String roles = group.getValue().stream().map(f -> f.role().name()).distinct().sorted().collect(Collectors.joining(","));
                out.append("\n- ").append(group.getKey()).append("  ×").append(group.getValue().size()).append(" (")
                        .append(roles).append(")\n");
                List<String> notes = group.getValue().stream().flatMap(f -> f.notes().stream()).distinct().sorted().toList();
                notes.stream().limit(12).forEach(note -> out.append("    · ").append(note).append('\n'));
                if (notes.size() > 12) {
                    out.append("    · … ").append(notes.size() - 12).append(" more\n");
                }
                out.append("    request:  ").append(exchange.request().describe()).append('\n');
                out.append("    response: ").append(exchange.status() == 0 ? "none: " + exchange.error()
                        : exchange.status() + " " + (exchange.contentType() == null ? "" : exchange.contentType()) + " "
                        + Excerpt.of(exchange.body(), 500)).append('\n');
            }
        }
        return out.toString();
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, summary() + "\nFailures by kind\n" + failures());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
