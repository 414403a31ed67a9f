package org.autocrm.query.readafter;

import java.util.Set;
import java.util.TreeSet;

/**
 * A read waits for versions of tickets (or, on the customer list, customers) that do not exist in the caller's
 * tenant: nothing of them was ever published, although the projection has applied everything that was. Answered 404
 * at once rather than after waiting in vain.
 */
class UnknownSubjects extends RuntimeException {

    UnknownSubjects(Set<String> subjects) {
        super("Nothing to wait for: " + String.join(", ", new TreeSet<>(subjects))
                + (subjects.size() == 1 ? " does" : " do") + " not exist (named in " + ReadAfter.MIN_VERSION + " or "
                + ReadAfter.HEADER + ")");
    }
}
