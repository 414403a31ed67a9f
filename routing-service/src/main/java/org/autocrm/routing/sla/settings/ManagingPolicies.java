package org.autocrm.routing.sla.settings;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * An admin's work on a tenant's SLA policies: every policy is checked by {@link PolicyParser} (with the tenant's
 * calendars) before anything is stored, so a refused one leaves the store as it was. Every change has the clocks of
 * the tenant's open tickets follow: the policy chosen again, due times recomputed, pending breaches of a disabled
 * or deleted policy gone.
 */
@Service
public class ManagingPolicies {

    private final PolicyStore store;
    private final CalendarStore calendars;
    private final SlaSettingsChanged changes;
    private final Clock clock;

    public ManagingPolicies(PolicyStore store, CalendarStore calendars, SlaSettingsChanged changes, Clock clock) {
        this.store = store;
        this.calendars = calendars;
        this.changes = changes;
        this.clock = clock;
    }

    public List<StoredPolicy> list(String tenantId) {
        return store.list(tenantId);
    }

    public StoredPolicy get(String tenantId, String id) {
        return store.find(tenantId, id).orElseThrow(() -> new SettingNotFound("SLA policy", id));
    }

    public StoredPolicy create(String tenantId, PolicySpec spec) {
        String id = UUID.randomUUID().toString();
        check(tenantId, id, spec);
        Instant now = clock.instant();
        StoredPolicy policy = new StoredPolicy(tenantId, id, spec, 0, now, now);
        store.insert(policy);
        changes.changed(tenantId);
        return policy;
    }

    public StoredPolicy replace(String tenantId, String id, PolicySpec spec, Optional<Long> expectedVersion) {
        StoredPolicy current = get(tenantId, id);
        checkVersion(current, expectedVersion);
        check(tenantId, id, spec);
        StoredPolicy replaced = new StoredPolicy(tenantId, id, spec, current.version() + 1, current.createdAt(),
                clock.instant());
        if (!store.replace(replaced, current.version())) {
            throw lostRace(tenantId, id, current.version());
        }
        changes.changed(tenantId);
        return replaced;
    }

    public void delete(String tenantId, String id, Optional<Long> expectedVersion) {
        StoredPolicy current = get(tenantId, id);
        checkVersion(current, expectedVersion);
        if (!store.delete(tenantId, id, current.version())) {
            throw lostRace(tenantId, id, current.version());
        }
        changes.changed(tenantId);
    }

    private void check(String tenantId, String id, PolicySpec spec) {
        PolicyParser.parse(id, spec, calendarId -> calendars.find(tenantId, calendarId).isPresent(),
                calendars.findDefault(tenantId).isPresent());
    }

    private static void checkVersion(StoredPolicy current, Optional<Long> expectedVersion) {
        if (expectedVersion.isPresent() && expectedVersion.get() != current.version()) {
            throw new StaleSetting("SLA policy", current.id(), expectedVersion.get(), current.version());
        }
    }

    private RuntimeException lostRace(String tenantId, String id, long readVersion) {
        return store.find(tenantId, id)
                .<RuntimeException>map(now -> new StaleSetting("SLA policy", id, readVersion, now.version()))
                .orElseGet(() -> new SettingNotFound("SLA policy", id));
    }
}
