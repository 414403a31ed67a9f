package org.autocrm.deploy.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Redocly CLI as {@code deploy/openapi-lint} pins it ({@code package.json} and {@code package-lock.json}, installed
 * with {@code npm ci} from the npm registry by the machine's npm), run on an OpenAPI document with the rules of
 * {@code openapi-lint/redocly.yaml}. Its telemetry and update check are turned off: the test talks to nothing but
 * the npm registry.
 */
final class RedoclyLint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> QUIET = Map.of("REDOCLY_TELEMETRY", "off",
            "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true", "NO_UPDATE_NOTIFIER", "1", "NO_COLOR", "1");

    /** One finding: the rule, {@code error} or {@code warn}, where in the document, and what is wrong. */
    record Problem(String rule, String severity, String pointer, String message) {

        /** Where, as a reader names it: {@code PUT /api/tickets/{id} responses} rather than the escaped JSON pointer. */
        String where() {
            if (!pointer.startsWith("#/")) {
                return pointer;
            }
            List<String> segments = new ArrayList<>();
            for (String segment : pointer.substring(2).split("/")) {
                segments.add(segment.replace("~1", "/").replace("~0", "~"));
            }
            if (segments.size() >= 2 && segments.get(0).equals("paths")) {
                String operation = segments.get(1);
                int rest = 2;
                if (segments.size() > 2 && METHODS.contains(segments.get(2))) {
                    operation = segments.get(2).toUpperCase(java.util.Locale.ROOT) + " " + operation;
                    rest = 3;
                }
                return operation + (segments.size() > rest ? " " + String.join("/", segments.subList(rest, segments.size())) : "");
            }
            return String.join("/", segments);
        }

        @Override
        public String toString() {
            return severity + " " + rule + " at " + where() + ": " + message;
        }
    }

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private final Path home;

    private RedoclyLint(Path home) {
        this.home = home;
    }

    /** Installs the pinned CLI into {@code home}/node_modules ({@code npm ci}) and answers it, ready to lint. */
    static RedoclyLint installedIn(Path home) {
        Path absolute = home.toAbsolutePath().normalize();
        run(absolute, Duration.ofMinutes(5), List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"));
        return new RedoclyLint(absolute);
    }

    /** Lints the document: every problem Redocly reports, errors and warnings alike. */
    List<Problem> lint(Path document) {
        Path report = document.resolveSibling(document.getFileName() + ".lint.json").toAbsolutePath();
        String output = run(home, Duration.ofMinutes(3), List.of("node",
                home.resolve("node_modules/@redocly/cli/bin/cli.js").toString(), "lint",
                document.toAbsolutePath().toString(), "--config", home.resolve("redocly.yaml").toString(),
                "--format", "json", "--max-problems", "10000"), report);
        try {
            JsonNode result = JSON.readTree(Files.readString(report));
            if (!result.has("problems")) {
                throw new AssertionError("Redocly printed no lint result: " + Excerpt.of(output, 4000));
            }
            List<Problem> problems = new ArrayList<>();
            for (JsonNode problem : result.path("problems")) {
                problems.add(new Problem(problem.path("ruleId").asText(), problem.path("severity").asText(),
                        problem.path("location").path(0).path("pointer").asText(), problem.path("message").asText()));
            }
            return problems;
        } catch (IOException e) {
            throw new AssertionError("Redocly's lint result is not JSON: " + Excerpt.of(output, 4000), e);
        }
    }

    private static String run(Path directory, Duration timeout, List<String> command) {
        return run(directory, timeout, command, null);
    }

    /** Runs the command; stdout to {@code stdout} when given, all else answered; fails on a timeout only. */
    private static String run(Path directory, Duration timeout, List<String> command, Path stdout) {
        try {
            Path log = Files.createTempFile("redocly", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
            builder.environment().putAll(QUIET);
            if (stdout != null) {
                builder.redirectOutput(stdout.toFile()).redirectError(log.toFile());
            } else {
                builder.redirectErrorStream(true).redirectOutput(log.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout + ": "
                        + Excerpt.of(Files.readString(log, StandardCharsets.UTF_8), 4000));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (stdout == null && process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
                        + Excerpt.of(output, 4000).replace("\\n", "\n"));
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command) + " (are node and npm installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
