package org.autocrm.access.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * A nullable property with allowed values ({@code @Nullable @Schema(allowableValues = ...)}) admits null among
 * them: swagger-core sets the values after {@link NullableProperties} has added the {@code "null"} type, so without
 * this the document would refuse the null it says the property may be.
 */
public class NullableEnums implements OpenApiCustomizer {

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        openApi.getComponents().getSchemas().values().forEach(NullableEnums::admitNull);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void admitNull(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        for (Schema property : properties.values()) {
            boolean nullable = (property.getTypes() != null && property.getTypes().contains("null"))
                    || Boolean.TRUE.equals(property.getNullable());
            List values = property.getEnum();
            if (nullable && values != null && values.stream().noneMatch(Objects::isNull)) {
                List admitted = new ArrayList<>(values);
                admitted.add(null);
                property.setEnum(admitted);
            }
        }
    }
}
