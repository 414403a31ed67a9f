package org.autocrm.gateway.apidocs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One source's OpenAPI document as fetched, or why it could not be. */
record ApiDocument(String source, ObjectNode document, String missingBecause) {

    static ApiDocument of(String source, ObjectNode document) {
        return new ApiDocument(source, document, null);
    }

    static ApiDocument missing(String source, String because) {
        return new ApiDocument(source, null, because);
    }

    boolean present() {
        return document != null;
    }
}
