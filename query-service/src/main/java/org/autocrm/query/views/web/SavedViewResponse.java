package org.autocrm.query.views.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.autocrm.query.views.SavedView;

/** A saved view as the API shows it; {@code count} is how many tickets the caller sees in it now. */
record SavedViewResponse(
        String id,
        String name,
        Map<String, List<String>> filters,
        String sort,
        String order,
        boolean shared,
        String ownerId,
        Instant createdAt,
        Instant updatedAt,
        Long count) {

    static SavedViewResponse of(SavedView view, Long count) {
        return new SavedViewResponse(view.viewId(), view.name(), view.filters(), view.sort(), view.order(),
                view.shared(), view.ownerId(), view.createdAt(), view.updatedAt(), count);
    }
}
