package org.autocrm.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.autocrm.deploy.RunningSystem;
import org.autocrm.deploy.TestTenant;

/**
 * Runs a browser journey script of the web module (web/e2e/*.mjs: Debian's Chromium driven by playwright-core from
 * web/node_modules) against the running system. Every script gets BASE_URL (the gateway), PASSWORD (every test
 * member's), SCREENSHOTS (a directory; {@link #screenshots()}) and CHROMIUM besides the given variables; it prints
 * its steps and exits non-zero when a step fails.
 */
public final class JourneyScripts {

    /** What a script printed (stdout and stderr interleaved) and how it ended (-1: it hung and was stopped). */
    public record Result(int exitCode, String output) {
    }

    private static final Path CHROMIUM = Path.of(System.getProperty("autocrm.chromium", "/usr/bin/chromium"));

    private JourneyScripts() {
    }

    /**
     * Runs {@code script}: a path under web/ ("e2e/live.mjs") or just a name under web/e2e ("live.mjs").
     * Fails the test at once when Chromium or the web module's node_modules is missing.
     */
    public static Result run(String script, Map<String, String> env) {
        Path web = web();
        assertThat(CHROMIUM).as("Debian's Chromium (apt-get install chromium; .ci/run installs it)").isExecutable();
        assertThat(web.resolve("node_modules/playwright-core")).as("the web module's npm ci has run").isDirectory();
        String path = script.contains("/") ? script : "e2e/" + script;
        assertThat(web.resolve(path)).as("the journey script").isRegularFile();
        ProcessBuilder builder = new ProcessBuilder("node", path).directory(web.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().putIfAbsent("BASE_URL", RunningSystem.gateway(""));
        builder.environment().putIfAbsent("PASSWORD", TestTenant.PASSWORD);
        builder.environment().putIfAbsent("SCREENSHOTS", screenshots().toString());
        builder.environment().putIfAbsent("CHROMIUM", CHROMIUM.toString());
        try {
            Process process = builder.start();
            try {
                // the scripts bound every wait themselves; this only stops a hung browser
                byte[] output = process.getInputStream().readAllBytes();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    return new Result(-1, new String(output, StandardCharsets.UTF_8) + "\n(timed out)");
                }
                return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
            } finally {
                process.destroy();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "(interrupted)");
        }
    }

    /** deploy/target/browser-screenshots, where the scripts put their screenshots. */
    public static Path screenshots() {
        try {
            return Files.createDirectories(Path.of("target", "browser-screenshots").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path web() {
        return Path.of(System.getProperty("autocrm.home", "..")).toAbsolutePath().normalize().resolve("web");
    }
}
