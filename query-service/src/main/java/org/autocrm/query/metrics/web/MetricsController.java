package org.autocrm.query.metrics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.autocrm.query.metrics.GroupBy;
import org.autocrm.query.metrics.MetricsRange;
import org.autocrm.query.metrics.MetricsRow;
import org.autocrm.query.metrics.MetricsTable;
import org.autocrm.query.metrics.TicketMetricsQueries;
import org.autocrm.access.Caller;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ticket metrics for dashboards and analysts, as JSON or, with {@code Accept: text/csv} or
 * {@code ?format=csv}, as a CSV table. Staff only.
 */
@Tag(name = "Ticket metrics",
        description = "Ticket figures for dashboards and analysts, per group over a date range, as JSON or as a CSV "
                + "table (Accept: text/csv or format=csv). Staff only.")
@RestController
@RequestMapping("/api/metrics")
class MetricsController {

    private static final int MAX_DAYS_BY_DAY = 366;
    private static final List<String> HEADER = List.of("group", "created", "resolved",
            "first_response_median_seconds", "first_response_p90_seconds",
            "resolution_median_seconds", "resolution_p90_seconds", "reopen_rate",
            "csat_average", "csat_satisfied_percent", "backlog", "backlog_age_median_hours",
            "first_response_sla_percent", "resolution_sla_percent");

    private final TicketMetricsQueries metrics;

    MetricsController(TicketMetricsQueries metrics) {
        this.metrics = metrics;
    }

    @Operation(summary = "Report ticket metrics over a date range",
            description = "JSON, or CSV with Accept: text/csv or format=csv. Created and first-response and reopen figures count tickets created in the range; resolved "
                    + "and resolution time the tickets first resolved in it; CSAT the ratings given in it (average on "
                    + "the five-point scale); backlog the tickets open now (for groupBy=day: created that day and "
                    + "still open). Times in seconds, backlog age in hours. Staff only.")
    @GetMapping(path = "/tickets", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<?> tickets(@Parameter(description = "start, inclusive: a day (2026-11-01, UTC) or an instant; "
                                      + "default 30 days before to")
                              @RequestParam(required = false) String from,
                              @Parameter(description = "end: a day (included whole) or an instant (excluded); default now")
                              @RequestParam(required = false) String to,
                              @Parameter(description = "agent, group, category, priority, channel, tier (the customer's), customer or day")
                              @RequestParam(defaultValue = "day") String groupBy,
                              @Parameter(description = "json or csv; otherwise the Accept header decides")
                              @RequestParam(required = false) String format,
                              @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false)
                              String accept,
                              Caller caller) throws IOException {
        if (!caller.actsForOrganisation()) {
            throw problem(HttpStatus.FORBIDDEN, "Forbidden", "Ticket metrics are for staff only");
        }
        boolean csv = CsvTable.wanted(format, accept);
        GroupBy grouping = GroupBy.parse(groupBy);
        MetricsRange range = MetricsRange.parse(from, to, Instant.now());
        if (grouping == GroupBy.DAY && range.days() > MAX_DAYS_BY_DAY) {
            throw new IllegalArgumentException("from and to may be at most " + MAX_DAYS_BY_DAY
                    + " days apart with groupBy=day");
        }
        MetricsTable table = metrics.measure(caller.tenantId(), range, grouping);
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table);
        }
        return ResponseEntity.ok()
                .contentType(CsvTable.TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("ticket-metrics-by-" + table.groupBy() + ".csv").build().toString())
                .body(CsvTable.write(HEADER, table.groups().stream().map(MetricsController::csvRow).toList()));
    }

    private static List<?> csvRow(MetricsRow row) {
        return Arrays.asList(row.key(), row.created(), row.resolved(),
                row.firstResponseMedianSeconds(), row.firstResponseP90Seconds(),
                row.resolutionMedianSeconds(), row.resolutionP90Seconds(), row.reopenRate(),
                row.csatAverage(), row.csatSatisfiedPercent(), row.backlog(), row.backlogAgeMedianHours(),
                row.firstResponseSlaPercent(), row.resolutionSlaPercent());
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
