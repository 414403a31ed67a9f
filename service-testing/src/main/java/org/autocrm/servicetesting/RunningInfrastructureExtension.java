package org.autocrm.servicetesting;

import org.autocrm.infrastructure.Infrastructure;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the JVM's shared {@link Infrastructure} to test constructors and methods that ask for it. Nothing starts
 * here: each piece starts on the first call of its accessor.
 */
public final class RunningInfrastructureExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Infrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return Infrastructure.shared();
    }
}
