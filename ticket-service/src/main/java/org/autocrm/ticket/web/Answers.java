package org.autocrm.ticket.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.autocrm.ticket.refusal.Refusal;

/**
 * What an operation answers besides its success and the refusals the service kit documents for every operation
 * (400, 401, 403, 404, 503), for its OpenAPI entry ({@link ApiDocumentation}): the kinds of refusal it can give,
 * each documented as an {@code application/problem+json} problem with the status of its kind, and whether its
 * success carries the item's version as {@code ETag}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Answers {

    /** The kinds of refusal the operation can give beyond the kit's. */
    Refusal.Kind[] refuses() default {};

    /** The success answer carries the item's new version as {@code ETag} (send it back as {@code If-Match}). */
    boolean etag() default false;
}
