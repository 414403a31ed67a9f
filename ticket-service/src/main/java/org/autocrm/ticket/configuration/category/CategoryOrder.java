package org.autocrm.ticket.configuration.category;

import java.util.ArrayList;
import java.util.List;

/** How the places of the other categories change when one category moves or leaves the list. */
final class CategoryOrder {

    /** A category and the place (1 = first) it must move to. */
    record Placement(String categoryId, int position) {
    }

    private CategoryOrder() {
    }

    /**
     * The other categories that must shift when {@code categoryId} moves to {@code position}.
     * The caller has checked that the position is within the list.
     */
    static List<Placement> othersWhenMoving(List<String> order, String categoryId, int position) {
        List<String> after = new ArrayList<>(order);
        after.remove(categoryId);
        after.add(position - 1, categoryId);
        return changed(order, after, categoryId);
    }

    /** The categories that must shift up when {@code categoryId} leaves the list. */
    static List<Placement> othersWhenLeaving(List<String> order, String categoryId) {
        List<String> after = new ArrayList<>(order);
        after.remove(categoryId);
        return changed(order, after, categoryId);
    }

    private static List<Placement> changed(List<String> before, List<String> after, String except) {
        List<Placement> placements = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            String id = after.get(i);
            if (!id.equals(except) && before.indexOf(id) != i) {
                placements.add(new Placement(id, i + 1));
            }
        }
        return placements;
    }
}
