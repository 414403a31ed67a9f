package org.autocrm.access.apidocs;

import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Properties that may be null which {@code @Nullable} cannot mark ({@link NullableProperties}): those whose type is
 * a schema of its own (swagger-core resolves them as references without the property's annotations), and those of
 * types that carry no annotations (the event contract's). A service names them, by schema and property, in a bean:
 * <pre>{@code
 * @Bean
 * OpenApiCustomizer nullableReferences() {
 *     return NullableReferences.of(Map.of("TicketView", List.of("sla")));
 * }
 * }</pre>
 */
public final class NullableReferences {

    private NullableReferences() {
    }

    /** @param propertiesBySchema property names by component schema name */
    public static OpenApiCustomizer of(Map<String, List<String>> propertiesBySchema) {
        return api -> {
            if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
                return;
            }
            Map<String, Schema> schemas = api.getComponents().getSchemas();
            boolean openApi31 = api.getSpecVersion() == SpecVersion.V31
                    || (api.getOpenapi() != null && api.getOpenapi().startsWith("3.1"));
            propertiesBySchema.forEach((type, properties) -> properties.forEach(name ->
                    nullable(schemas.get(type), name, openApi31)));
        };
    }

    @SuppressWarnings("unchecked")
    private static void nullable(Schema<?> schema, String name, boolean openApi31) {
        if (schema != null && schema.getProperties() != null) {
            schema.getProperties().computeIfPresent(name, (key, property) -> NullableProperties.nullable(property,
                    openApi31));
        }
    }
}
