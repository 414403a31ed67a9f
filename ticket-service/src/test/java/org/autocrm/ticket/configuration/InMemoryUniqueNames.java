package org.autocrm.ticket.configuration;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** {@link UniqueNames} for aggregate tests: the same claim rules, in a map. */
public class InMemoryUniqueNames implements UniqueNames {

    private final Map<String, String> owners = new HashMap<>();

    /** Lets another item hold a name before the test starts. */
    public InMemoryUniqueNames held(String tenantId, Kind kind, String name, String ownerId) {
        owners.put(key(tenantId, kind, name), ownerId);
        return this;
    }

    @Override
    public boolean claim(String tenantId, Kind kind, String name, String ownerId) {
        String key = key(tenantId, kind, name);
        String owner = owners.putIfAbsent(key, ownerId);
        if (owner != null && !owner.equals(ownerId)) {
            return false;
        }
        owners.entrySet().removeIf(e -> e.getValue().equals(ownerId) && e.getKey().startsWith(tenantId + "|" + kind + "|")
                && !e.getKey().equals(key));
        return true;
    }

    public boolean isHeldBy(String tenantId, Kind kind, String name, String ownerId) {
        return ownerId.equals(owners.get(key(tenantId, kind, name)));
    }

    private static String key(String tenantId, Kind kind, String name) {
        return tenantId + "|" + kind + "|" + name.toLowerCase(Locale.ROOT);
    }
}
