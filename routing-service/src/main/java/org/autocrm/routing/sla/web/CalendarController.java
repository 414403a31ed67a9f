package org.autocrm.routing.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.autocrm.access.Caller;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.routing.sla.settings.ManagingCalendars;
import org.autocrm.routing.sla.settings.StoredCalendar;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's business calendars for SLA time: admins manage them, team leads read them. The version is the ETag. */
@Tag(name = "SLA calendars", description = "Business calendars SLA targets count in: a time zone, time slots per "
        + "weekday, holidays (also imported from iCalendar). One may be the tenant's default. Admins manage them; "
        + "team leads read them. The version is the ETag: send it as If-Match when changing one.")
@RestController
@RequestMapping("/api/sla/calendars")
class CalendarController {

    static final String IF_MATCH_DOC = "The version the change was made on (\"3\", W/\"3\" or 3); a stale one is "
            + "refused with 409. Without it the change applies to whatever is there";

    private final ManagingCalendars calendars;

    CalendarController(ManagingCalendars calendars) {
        this.calendars = calendars;
    }

    @Operation(summary = "List the tenant's business calendars by name")
    @GetMapping
    List<CalendarView> list(Caller caller) {
        SlaAccess.mayReadSettings(caller);
        return calendars.list(caller.tenantId()).stream().map(CalendarView::of).toList();
    }

    @Operation(summary = "Create a business calendar")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponse(status = 422, description = "The calendar is not valid (unknown time zone, overlapping slots, "
            + "no slots, a bad date...): errors names every field at fault; nothing is stored")
    ResponseEntity<CalendarView> create(@RequestBody CalendarRequest request, Caller caller) {
        SlaAccess.mayWriteSettings(caller);
        StoredCalendar created = calendars.create(caller.tenantId(), request.name(), request.definition(),
                request.makeDefault());
        return ResponseEntity.created(URI.create("/api/sla/calendars/" + created.id()))
                .eTag(IfMatch.etag(created.version())).body(CalendarView.of(created));
    }

    @Operation(summary = "Read a business calendar")
    @GetMapping("/{id}")
    ResponseEntity<CalendarView> get(@PathVariable String id, Caller caller) {
        SlaAccess.mayReadSettings(caller);
        StoredCalendar calendar = calendars.get(caller.tenantId(), id);
        return ResponseEntity.ok().eTag(IfMatch.etag(calendar.version())).body(CalendarView.of(calendar));
    }

    @Operation(summary = "Replace a business calendar", description = "Due times of the open tickets counting in it "
            + "are recomputed in the background.")
    @PutMapping("/{id}")
    @ProblemResponse(status = 409, description = "The calendar was changed since the version named in If-Match or version")
    @ProblemResponse(status = 422, description = "The calendar is not valid: errors names every field at fault; "
            + "the stored calendar is unchanged")
    ResponseEntity<CalendarView> replace(@PathVariable String id,
            @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            String ifMatch, @RequestBody CalendarRequest request, Caller caller) {
        SlaAccess.mayWriteSettings(caller);
        StoredCalendar replaced = calendars.replace(caller.tenantId(), id, request.name(), request.definition(),
                request.makeDefault(), IfMatch.version(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(IfMatch.etag(replaced.version())).body(CalendarView.of(replaced));
    }

    @Operation(summary = "Delete a business calendar")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemResponse(status = 409, description = "The calendar was changed since the version named in If-Match, or "
            + "an SLA policy counts in it (code CALENDAR_IN_USE)")
    ResponseEntity<Void> delete(@PathVariable String id,
            @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            String ifMatch, Caller caller) {
        SlaAccess.mayWriteSettings(caller);
        calendars.delete(caller.tenantId(), id, IfMatch.version(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Import holidays from an iCalendar document (RFC 5545)",
            description = "Every event closes the whole days it covers; dates the calendar has already keep their "
                    + "names. The body is the .ics file as text/calendar (text/plain is accepted too).")
    @PostMapping(path = "/{id}/holidays/import", consumes = {"text/calendar", "text/plain"})
    @ProblemResponse(status = 409, description = "The calendar was changed since the version named in If-Match")
    @ProblemResponse(status = 422, description = "The document cannot be read as iCalendar (errors names the line); "
            + "nothing is imported")
    ResponseEntity<HolidayImportView> importHolidays(@PathVariable String id,
            @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            String ifMatch, @RequestBody String ics, Caller caller) {
        SlaAccess.mayWriteSettings(caller);
        ManagingCalendars.Imported imported = calendars.importHolidays(caller.tenantId(), id, ics,
                IfMatch.version(ifMatch));
        return ResponseEntity.ok().eTag(IfMatch.etag(imported.calendar().version())).body(HolidayImportView.of(imported));
    }
}
