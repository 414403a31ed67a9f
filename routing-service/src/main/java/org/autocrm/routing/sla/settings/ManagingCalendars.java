package org.autocrm.routing.sla.settings;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.autocrm.routing.sla.FieldProblem;
import org.autocrm.routing.sla.SlaSettingsRejected;
import org.autocrm.routing.sla.calendar.BusinessCalendar;
import org.autocrm.routing.sla.calendar.CalendarDefinition;
import org.autocrm.routing.sla.calendar.HolidayImport;
import org.autocrm.routing.sla.calendar.ICalendarHolidays;
import org.springframework.stereotype.Service;

/**
 * An admin's work on a tenant's business calendars: each is validated as a whole before anything is stored; changes
 * name the version they were made on; at most one is the tenant's default. Every change has the clocks recomputed.
 */
@Service
public class ManagingCalendars {

    static final int NAME_MAX_LENGTH = 200;

    private final CalendarStore store;
    private final PolicyStore policies;
    private final SlaSettingsChanged changes;
    private final Clock clock;

    public ManagingCalendars(CalendarStore store, PolicyStore policies, SlaSettingsChanged changes, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.changes = changes;
        this.clock = clock;
    }

    /** A holiday import's outcome: the calendar with the new holidays, how many were new, and the reader's notes. */
    public record Imported(StoredCalendar calendar, int added, List<String> notes) {
    }

    public List<StoredCalendar> list(String tenantId) {
        return store.list(tenantId);
    }

    public StoredCalendar get(String tenantId, String id) {
        return store.find(tenantId, id).orElseThrow(() -> new SettingNotFound("calendar", id));
    }

    public StoredCalendar create(String tenantId, String name, CalendarDefinition definition, boolean isDefault) {
        BusinessCalendar calendar = check(name, definition);
        Instant now = clock.instant();
        StoredCalendar created = new StoredCalendar(tenantId, UUID.randomUUID().toString(), name.strip(), calendar,
                isDefault, 0, now, now);
        store.insert(created);
        afterChange(created);
        return created;
    }

    public StoredCalendar replace(String tenantId, String id, String name, CalendarDefinition definition,
                                  boolean isDefault, Optional<Long> expectedVersion) {
        StoredCalendar current = get(tenantId, id);
        checkVersion(current, expectedVersion);
        BusinessCalendar calendar = check(name, definition);
        return save(current, new StoredCalendar(tenantId, id, name.strip(), calendar, isDefault,
                current.version() + 1, current.createdAt(), clock.instant()));
    }

    /** Adds the holidays of an iCalendar document; dates the calendar has already keep their names. */
    public Imported importHolidays(String tenantId, String id, String ics, Optional<Long> expectedVersion) {
        StoredCalendar current = get(tenantId, id);
        checkVersion(current, expectedVersion);
        HolidayImport read = ICalendarHolidays.read(ics, current.calendar().zone());
        BusinessCalendar calendar = current.calendar().withHolidays(read.holidays());
        int added = calendar.holidays().size() - current.calendar().holidays().size();
        StoredCalendar saved = save(current, new StoredCalendar(tenantId, id, current.name(), calendar,
                current.isDefault(), current.version() + 1, current.createdAt(), clock.instant()));
        return new Imported(saved, added, read.notes());
    }

    public void delete(String tenantId, String id, Optional<Long> expectedVersion) {
        StoredCalendar current = get(tenantId, id);
        checkVersion(current, expectedVersion);
        if (policies.usesCalendar(tenantId, id)) {
            throw new CalendarInUse(id);
        }
        if (!store.delete(tenantId, id, current.version())) {
            throw lostRace(tenantId, id, current.version());
        }
        changes.changed(tenantId);
    }

    private StoredCalendar save(StoredCalendar current, StoredCalendar replaced) {
        if (!store.replace(replaced, current.version())) {
            throw lostRace(current.tenantId(), current.id(), current.version());
        }
        afterChange(replaced);
        return replaced;
    }

    private void afterChange(StoredCalendar calendar) {
        if (calendar.isDefault()) {
            store.clearOtherDefaults(calendar.tenantId(), calendar.id());
        }
        changes.changed(calendar.tenantId());
    }

    /** Name and definition checked together, so the admin hears of every problem at once. */
    private static BusinessCalendar check(String name, CalendarDefinition definition) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            problems.add(new FieldProblem("name", "required"));
        } else if (stripped.length() > NAME_MAX_LENGTH) {
            problems.add(new FieldProblem("name", "at most " + NAME_MAX_LENGTH + " characters"));
        }
        problems.addAll(definition.problems());
        if (!problems.isEmpty()) {
            throw new SlaSettingsRejected(SlaSettingsRejected.Reason.CALENDAR_INVALID, problems);
        }
        return definition.toCalendar();
    }

    private static void checkVersion(StoredCalendar current, Optional<Long> expectedVersion) {
        if (expectedVersion.isPresent() && expectedVersion.get() != current.version()) {
            throw new StaleSetting("calendar", current.id(), expectedVersion.get(), current.version());
        }
    }

    private RuntimeException lostRace(String tenantId, String id, long readVersion) {
        return store.find(tenantId, id)
                .<RuntimeException>map(now -> new StaleSetting("calendar", id, readVersion, now.version()))
                .orElseGet(() -> new SettingNotFound("calendar", id));
    }
}
