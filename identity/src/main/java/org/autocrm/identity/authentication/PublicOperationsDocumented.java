package org.autocrm.identity.authentication;

import java.util.ArrayList;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The operations anyone may call (signing in, the key set, …) say so in the OpenAPI document with an empty
 * {@code security}, decided by the same public paths the {@link AuthenticationFilter} lets through: a generated
 * client must not send, or wait for, a token there.
 */
@Component
class PublicOperationsDocumented implements OpenApiCustomizer {

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (AuthenticationFilter.isPublic(path)) {
                item.readOperations().forEach(operation -> operation.setSecurity(new ArrayList<>()));
            }
        });
    }
}
