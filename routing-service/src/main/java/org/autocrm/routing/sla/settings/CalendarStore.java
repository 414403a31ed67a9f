package org.autocrm.routing.sla.settings;

import java.util.List;
import java.util.Optional;

/** Where a tenant's business calendars are kept (MongoDB {@code sla_calendars}). Every call is scoped to one tenant. */
public interface CalendarStore {

    /** The tenant's calendars by name, then id. */
    List<StoredCalendar> list(String tenantId);

    Optional<StoredCalendar> find(String tenantId, String id);

    Optional<StoredCalendar> findDefault(String tenantId);

    void insert(StoredCalendar calendar);

    /** Replaces the calendar if it still has {@code expectedVersion}; false if it is gone or has moved on. */
    boolean replace(StoredCalendar calendar, long expectedVersion);

    boolean delete(String tenantId, String id, long expectedVersion);

    /** Makes every other calendar of the tenant not the default (after {@code keptId} became it). */
    void clearOtherDefaults(String tenantId, String keptId);
}
