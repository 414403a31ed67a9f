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
 * The report: how to replay the run, per service the requests sent and the failures by kind (enforced or not yet),
 * the requests sent per operation and role with the statuses seen, and the failures by kind, grouped by operation
 * and detail, each group with a count and one example request and answer: first the enforced ones (the test fails
 * on them), then those of services whose documents are not yet declared truthful ("not yet enforced").
 */
final class FuzzReport {

    private final long seed;
    private final List<Exchange> exchanges;
    private final List<Finding> findings;
    private final String preamble;
    private final java.util.function.Function<Exchange, String> serviceOf;
    private final java.util.Set<String> truthful;

    /**
     * @param serviceOf the service an exchange's operation is routed to
     * @param truthful  the services whose undocumented statuses and schema-invalid bodies are enforced
     */
    FuzzReport(long seed, String preamble, List<Exchange> exchanges, List<Finding> findings,
               java.util.function.Function<Exchange, String> serviceOf, java.util.Set<String> truthful) {
        this.seed = seed;
        this.preamble = preamble;
        this.exchanges = exchanges;
        this.findings = findings;
        this.serviceOf = serviceOf;
        this.truthful = truthful;
    }

    /** The findings the test fails on. */
    List<Finding> enforced() {
        return findings.stream().filter(Finding::enforced).toList();
    }

    /** Undocumented statuses and schema-invalid bodies of services whose documents are not yet declared truthful. */
    List<Finding> notYetEnforced() {
        return findings.stream().filter(f -> !f.enforced()).toList();
    }

    private static Map<Kind, Long> countsByKind(List<Finding> findings) {
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            counts.put(kind, findings.stream().filter(f -> f.kind() == kind).count());
        }
        return counts;
    }

    /** The one-paragraph verdict the assertion shows. */
    String verdict() {
        return countsByKind(enforced()).entrySet().stream().map(e -> e.getValue() + " × " + e.getKey().label)
                .collect(Collectors.joining(", ")) + " (enforced: 5xx, no answer and leaks everywhere; undocumented statuses "
                + "and schema-invalid bodies for " + (truthful.isEmpty() ? "no service yet"
                        : String.join(", ", new java.util.TreeSet<>(truthful))) + ") over "
                + exchanges.size() + " requests; not yet enforced (other services): "
                + countsByKind(notYetEnforced()).entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(e -> e.getValue() + " × " + e.getKey().label).collect(Collectors.joining(", "))
                + " (seed " + seed + "; replay with -Dautocrm.fuzz.seed=" + seed + "; full report in target/contract-fuzz-report.txt)";
    }

    /** Per service: requests, deliberate 503s, and findings by kind, enforced or not. */
    String perService() {
        StringBuilder out = new StringBuilder("Per service (routed as the gateway routes; * = document declared truthful, "
                + "its undocumented statuses and schema-invalid bodies are enforced)\n");
        out.append(String.format("%-24s %8s %8s %8s %10s %12s %10s %8s%n", "service", "requests", "503+RA", "5xx",
                "no answer", "undocumented", "schema", "leak"));
        Map<String, List<Exchange>> byService = exchanges.stream().filter(e -> e.status() >= 0)
                .collect(Collectors.groupingBy(serviceOf, TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Exchange>> service : byService.entrySet()) {
            Map<Kind, Long> counts = countsByKind(findings.stream().filter(f -> f.service().equals(service.getKey())).toList());
            out.append(String.format("%-24s %8d %8d %8d %10d %12d %10d %8d%n",
                    service.getKey() + (truthful.contains(service.getKey()) ? " *" : ""), service.getValue().size(),
                    service.getValue().stream().filter(ResponseChecker::deliberatelyUnavailable).count(),
                    counts.get(Kind.SERVER_ERROR), counts.get(Kind.NO_ANSWER), counts.get(Kind.UNDOCUMENTED_STATUS),
                    counts.get(Kind.SCHEMA_INVALID), counts.get(Kind.LEAK)));
        }
        Map<String, Long> deliberate = exchanges.stream().filter(ResponseChecker::deliberatelyUnavailable)
                .collect(Collectors.groupingBy(e -> e.request().operation().key(), TreeMap::new, Collectors.counting()));
        out.append("Deliberate 503s with Retry-After, documented (not failures): ")
                .append(deliberate.values().stream().mapToLong(Long::longValue).sum())
                .append(deliberate.isEmpty() ? "" : " — " + deliberate.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue())
                        .collect(Collectors.joining(", "))).append('\n');
        return out.toString();
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        out.append(preamble).append('\n');
        out.append("Failures: ").append(verdict()).append("\n\n");
        out.append(perService()).append('\n');
        out.append("Requests per operation and role, and the statuses seen\n");
        out.append(String.format("%-62s %-20s %6s %6s %6s %6s %6s %6s  %s%n", "operation", "service", "ADMIN", "LEAD", "AGENT",
                "CUST", "KEY", "valid", "statuses (count)"));
        Map<String, List<Exchange>> byOperation = exchanges.stream()
                .collect(Collectors.groupingBy(e -> e.request().operation().key(), TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Exchange>> operation : byOperation.entrySet()) {
            Map<Role, Long> roles = operation.getValue().stream()
                    .collect(Collectors.groupingBy(e -> e.request().role(), () -> new EnumMap<>(Role.class), Collectors.counting()));
            Map<Integer, Long> statuses = operation.getValue().stream()
                    .collect(Collectors.groupingBy(Exchange::status, TreeMap::new, Collectors.counting()));
            long valid = operation.getValue().stream().filter(e -> e.request().valid()).count();
            out.append(String.format("%-62s %-20s %6d %6d %6d %6d %6d %6d  %s%n", Excerpt.of(operation.getKey(), 62),
                    serviceOf.apply(operation.getValue().get(0)),
                    roles.getOrDefault(Role.ADMIN, 0L), roles.getOrDefault(Role.TEAM_LEAD, 0L), roles.getOrDefault(Role.AGENT, 0L),
                    roles.getOrDefault(Role.CUSTOMER, 0L), roles.getOrDefault(Role.API_KEY, 0L), valid,
                    statuses.entrySet().stream().map(s -> (s.getKey() == 0 ? "none" : s.getKey() < 0 ? "unsent" : s.getKey().toString())
                            + "×" + s.getValue()).collect(Collectors.joining(" "))));
        }
        return out.toString();
    }

    /** The enforced failures, by kind. */
    String failures() {
        return failures(enforced(), "");
    }

    /** The failures not yet enforced (services whose documents are not declared truthful), by kind. */
    String notYetEnforcedFailures() {
        return failures(notYetEnforced(), "not yet enforced: ");
    }

    private static String failures(List<Finding> findings, String prefix) {
        StringBuilder out = new StringBuilder();
        for (Kind kind : Kind.values()) {
            List<Finding> ofKind = findings.stream().filter(f -> f.kind() == kind).toList();
            if (ofKind.isEmpty() && !prefix.isEmpty()) {
                continue;
            }
            out.append("\n=== ").append(prefix).append(kind.label).append(": ").append(ofKind.size()).append(" ===\n");
            if (ofKind.isEmpty()) {
                continue;
            }
            Map<String, Long> perService = ofKind.stream().collect(Collectors.groupingBy(Finding::service, TreeMap::new, Collectors.counting()));
            out.append("by service: ").append(perService.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue())
                    .collect(Collectors.joining(", "))).append('\n');
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
                out.append("\n- [").append(group.getValue().get(0).service()).append("] ").append(group.getKey()).append("  ×").append(group.getValue().size()).append(" (")
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
            Files.writeString(file, summary() + "\nFailures by kind (enforced)\n" + failures()
                    + "\nNot yet enforced (undocumented statuses and schema-invalid bodies of services whose documents are not "
                    + "declared truthful yet)\n" + notYetEnforcedFailures());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
