package org.autocrm.access.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A refusal an operation can answer, for its OpenAPI entry: documented as an RFC 9457 {@code application/problem+json}
 * {@value ProblemResponsesDocumented#PROBLEM} with this status and description ({@link DeclaredProblemResponses}).
 * On a controller class it holds for each of its operations; one on the method with the same status wins.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(ProblemResponses.class)
public @interface ProblemResponse {

    int status();

    /** When the operation answers it, in words an integrator can act on. */
    String description();
}
