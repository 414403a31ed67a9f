package org.autocrm.query.metrics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.autocrm.query.metrics.AgentWorkload;
import org.autocrm.query.metrics.AgentWorkloadQueries;
import org.autocrm.query.metrics.AgentWorkloadRow;
import org.autocrm.query.metrics.MetricsRange;
import org.autocrm.access.Caller;
import org.autocrm.access.Role;
import org.autocrm.query.web.CsvTable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agents' workload and performance. Admins and team leads see every agent of their tenant; an
 * agent sees their own row only (colleagues' performance is for their leads); customers are refused.
 */
@Tag(name = "Agent metrics",
        description = "Agents' workload and performance. Admins and team leads see every agent of their tenant, an "
                + "agent their own row only; customers are refused.")
@RestController
class AgentMetricsController {

    private static final List<String> HEADER = List.of("agent", "open", "open_by_status", "open_by_priority",
            "oldest_open_age_hours", "resolved", "first_response_median_seconds", "resolution_median_seconds",
            "rated", "csat_average", "csat_satisfied_percent");

    private final AgentWorkloadQueries workload;

    AgentMetricsController(AgentWorkloadQueries workload) {
        this.workload = workload;
    }

    @Operation(summary = "Report agents' workload and performance",
            description = "Per agent: open tickets now by status and priority and the oldest open ticket's age, and "
                    + "over the range resolved tickets, median first response and resolution times and CSAT (JSON, "
                    + "or CSV). Admins and team leads see all agents of the tenant, an agent only their own row. "
                    + "Tickets count for the agent they are assigned to now.")
    @GetMapping(path = "/api/metrics/agents", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<?> agents(@Parameter(description = "start, inclusive: a day (2026-11-01, UTC) or an instant; "
                                     + "default 30 days before to")
                             @RequestParam(required = false) String from,
                             @Parameter(description = "end: a day (included whole) or an instant (excluded); default now")
                             @RequestParam(required = false) String to,
                             @Parameter(description = "json or csv; otherwise the Accept header decides")
                             @RequestParam(required = false) String format,
                             @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false)
                             String accept,
                             @Parameter(hidden = true) Caller caller) throws IOException {
        if (!caller.actsForOrganisation()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Agent metrics are for staff only");
            problem.setTitle("Forbidden");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        boolean csv = CsvTable.wanted(format, accept);
        MetricsRange range = MetricsRange.parse(from, to, Instant.now());
        String onlyAgent = caller.role() == Role.AGENT ? caller.userId() : null;
        AgentWorkload table = workload.measure(caller.tenantId(), onlyAgent, range);
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table);
        }
        return ResponseEntity.ok()
                .contentType(CsvTable.TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("agent-metrics.csv").build().toString())
                .body(CsvTable.write(HEADER, table.agents().stream().map(AgentMetricsController::csvRow).toList()));
    }

    private static List<?> csvRow(AgentWorkloadRow row) {
        return Arrays.asList(row.agentId(), row.open(), pairs(row.openByStatus()), pairs(row.openByPriority()),
                row.oldestOpenAgeHours(), row.resolved(), row.firstResponseMedianSeconds(),
                row.resolutionMedianSeconds(), row.rated(), row.csatAverage(), row.csatSatisfiedPercent());
    }

    /** {@code OPEN:2 PENDING:1}: one cell per map keeps the table one row per agent. */
    private static String pairs(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" "));
    }
}
