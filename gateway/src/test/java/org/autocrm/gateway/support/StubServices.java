package org.autocrm.gateway.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The services behind the gateway, as {@link StubService stubs}: every {@code autocrm.services.*} address of
 * the test's gateway points at the stub of that service, or, for the services named {@link #unreachable()},
 * at a port nothing listens on. Before the test class and before each test the stubs forget what they
 * received (and any API document a test gave them); read them with {@link StubService#named(String)}.
 * On a {@code @Nested} class it replaces the enclosing class's declaration.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(StubServicesExtension.class)
public @interface StubServices {

    /** Services that are down: connecting to them is refused. */
    String[] unreachable() default {};
}
