package org.autocrm.access.apidocs;

import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.PropertyCustomizer;

/**
 * A record component or property marked {@code @Nullable} ({@code jakarta.annotation} or Spring's) admits null
 * in a service's OpenAPI document too, which swagger-core does not do by itself: generated clients must not
 * assume a value that may be absent.
 */
public class NullableProperties implements PropertyCustomizer {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema customize(Schema property, io.swagger.v3.core.converter.AnnotatedType type) {
        if (property == null || type == null || type.getCtxAnnotations() == null) {
            return property;
        }
        for (Annotation annotation : type.getCtxAnnotations()) {
            if (annotation.annotationType().getSimpleName().equals("Nullable")) {
                return nullable(property, property.getSpecVersion() == SpecVersion.V31);
            }
        }
        return property;
    }

    /** The schema, admitting null as well: {@code nullable} in OpenAPI 3.0, a {@code "null"} type in 3.1. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Schema nullable(Schema property, boolean openApi31) {
        if (!openApi31) {
            property.setNullable(true);
            return property;
        }
        if (property.get$ref() != null) {
            Schema reference = new Schema().specVersion(SpecVersion.V31).$ref(property.get$ref());
            Schema none = new Schema().specVersion(SpecVersion.V31);
            none.addType("null");
            Schema either = new Schema().specVersion(SpecVersion.V31);
            either.setOneOf(List.of(reference, none));
            either.setDescription(property.getDescription());
            return either;
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        if (!types.isEmpty()) {
            types.add("null");
            property.setTypes(types);
        }
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            property.getEnum().add(null);
        }
        return property;
    }
}
