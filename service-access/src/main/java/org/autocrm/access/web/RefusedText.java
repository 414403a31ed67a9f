package org.autocrm.access.web;

import java.util.Map;

/**
 * A request parameter, path variable, file name or JSON field held a control character
 * ({@link ControlCharacters}); answered 400 {@code invalid-request} naming the field.
 */
public class RefusedText extends RuntimeException {

    private final String field;
    private final String fieldMessage;

    RefusedText(String field, String fieldMessage) {
        super(field + " " + fieldMessage);
        this.field = field;
        this.fieldMessage = fieldMessage;
    }

    /** A value (of a parameter, a path variable, a JSON field) holding {@code found}. */
    static RefusedText inValue(String field, char found) {
        return new RefusedText(ControlCharacters.printable(field),
                "must not contain control characters (found " + ControlCharacters.codePoint(found) + ")");
    }

    /** A name (of a parameter, a JSON property or map key) holding {@code found}. */
    static RefusedText inName(String field, char found) {
        return new RefusedText(ControlCharacters.printable(field),
                "must not contain control characters in its name (found " + ControlCharacters.codePoint(found) + ")");
    }

    /** The file name of an uploaded part holding {@code found}. */
    static RefusedText inFileName(String part, char found) {
        return new RefusedText(ControlCharacters.printable(part),
                "must not contain control characters in its file name (found " + ControlCharacters.codePoint(found) + ")");
    }

    /** The field (JSON path such as {@code emails[0]}, or parameter name), control characters escaped. */
    public String field() {
        return field;
    }

    /** What is wrong with the field, without its name. */
    public String fieldMessage() {
        return fieldMessage;
    }

    Map<String, String> error() {
        return Map.of("field", field, "message", fieldMessage);
    }
}
