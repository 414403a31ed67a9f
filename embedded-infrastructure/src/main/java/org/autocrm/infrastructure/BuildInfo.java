package org.autocrm.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Values the build wrote into {@code org/autocrm/infrastructure/embedded-infrastructure.properties}
 * (the Kafka broker's classpath, the unpacked Elasticsearch home, ...). Each can be overridden with a
 * system property {@code autocrm.infrastructure.<key>}.
 */
final class BuildInfo {

  static final String RESOURCE = "embedded-infrastructure.properties";
  static final String OVERRIDE_PREFIX = "autocrm.infrastructure.";

  private static final Properties PROPERTIES = load();

  private BuildInfo() {
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return properties;
  }

  static String get(String key) {
    String value = System.getProperty(OVERRIDE_PREFIX + key);
    if (value == null || value.isBlank()) {
      value = PROPERTIES.getProperty(key);
    }
    if (value == null || value.isBlank() || value.contains("${")) {
      throw new IllegalStateException("'" + key + "' is missing from org/autocrm/infrastructure/" + RESOURCE
          + " (the embedded-infrastructure jar was not built by Maven with resource filtering);"
          + " set the system property " + OVERRIDE_PREFIX + key + " instead");
    }
    return value.trim();
  }
}
