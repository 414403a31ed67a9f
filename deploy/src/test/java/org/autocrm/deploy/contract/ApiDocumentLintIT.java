package org.autocrm.deploy.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.autocrm.deploy.RunningSystem;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document integrators and the web app generate clients from, linted (issue 10, deliverable 4): the
 * gateway's merged document of the running system ({@code GET /v3/api-docs}, complete: no service left out) is
 * written to {@code target/openapi/autocrm-api.json} and checked by Redocly CLI with its {@code recommended} rules
 * ({@code deploy/openapi-lint/redocly.yaml}, which says why any rule is turned off). A single error or warning fails
 * the test with Redocly's findings, grouped by rule.
 */
class ApiDocumentLintIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theMergedDocumentPassesRedoclysRecommendedRulesWithoutAWarning() throws IOException {
        RedoclyLint redocly = RedoclyLint.installedIn(Path.of("openapi-lint"));
        JsonNode document = CompleteApiDocument.of(RunningSystem.gateway(""));
        Path file = Files.createDirectories(Path.of("target", "openapi")).resolve("autocrm-api.json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));

        List<RedoclyLint.Problem> problems = redocly.lint(file);

        assertThat(problems).as(() -> report(file, problems)).isEmpty();
    }

    private static String report(Path file, List<RedoclyLint.Problem> problems) {
        Map<String, List<RedoclyLint.Problem>> byRule = problems.stream()
                .collect(Collectors.groupingBy(p -> p.severity() + " " + p.rule(), TreeMap::new, Collectors.toList()));
        StringBuilder out = new StringBuilder("Redocly (recommended rules) finds " + problems.size() + " problems in "
                + file.toAbsolutePath() + ":\n");
        byRule.forEach((rule, list) -> {
            out.append(rule).append(" ×").append(list.size()).append('\n');
            list.forEach(p -> out.append("    ").append(p.where()).append(": ").append(p.message()).append('\n'));
        });
        return out.toString();
    }
}
