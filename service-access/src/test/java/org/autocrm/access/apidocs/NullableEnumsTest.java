package org.autocrm.access.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A client validating an answer against the document must accept the null a nullable choice may be. */
class NullableEnumsTest {

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void aNullableChoiceAdmitsNullAndARequiredOneDoesNot() {
        Schema source = new Schema().specVersion(SpecVersion.V31);
        source.setTypes(new LinkedHashSet<>(Set.of("string", "null")));
        source.setEnum(List.of("admin", "properties"));
        StringSchema role = new StringSchema();
        role.setEnum(List.of("admin", "agent"));
        Schema view = new Schema().addProperty("source", source).addProperty("role", role);
        OpenAPI document = new OpenAPI().components(new Components().addSchemas("View", view));

        new NullableEnums().customise(document);

        assertThat(source.getEnum()).containsExactly("admin", "properties", null);
        assertThat(role.getEnum()).containsExactly("admin", "agent");
    }
}
