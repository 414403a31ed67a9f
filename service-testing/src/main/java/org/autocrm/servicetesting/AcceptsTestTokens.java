package org.autocrm.servicetesting;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The service under test trusts access tokens signed with the test key, so that {@link TestCallers} can call it:
 * its Spring context gets {@value TestCallers#KEY_SET_PROPERTY} = {@link TestCallers#keySet()} (the gateway's key
 * set given inline instead of read from {@code autocrm.identity.jwks-uri}). Every other {@code autocrm.identity.*}
 * setting stays as the service configures it; development headers stay refused.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AcceptsTestTokens {
}
