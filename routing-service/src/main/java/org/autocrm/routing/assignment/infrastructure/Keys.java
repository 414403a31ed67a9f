package org.autocrm.routing.assignment.infrastructure;

/** Document ids of this feature: the tenant first, so no id of one tenant can name another tenant's document. */
final class Keys {

    private Keys() {
    }

    static String of(String tenantId, String id) {
        return tenantId + ":" + id;
    }
}
