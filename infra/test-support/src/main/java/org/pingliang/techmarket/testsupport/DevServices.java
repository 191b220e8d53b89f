package org.pingliang.techmarket.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL, Redis, Elasticsearch and Keycloak of infra/bin/dev-services, started once
 * per test JVM (the script reuses servers that already run, so several modules share them).
 *
 * <p>Tests get the services' coordinates as system properties named like the environment variables
 * the apps read, and are pointed at the test database so demo data is never touched.
 */
public final class DevServices {

  /** Set to {@code external} to use services that someone else started (values from the env). */
  public static final String MODE_VARIABLE = "TECHMARKET_DEVSERVICES";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

  private static Map<String, String> started;

  private DevServices() {}

  /** Starts the dev services if needed and returns their coordinates. */
  public static synchronized Map<String, String> start() {
    if (started == null) {
      var coordinates = "external".equals(System.getenv(MODE_VARIABLE))
          ? Map.copyOf(System.getenv())
          : runScript(projectDirectory());
      started = forTests(coordinates);
      started.forEach((key, value) -> {
        if (System.getProperty(key) == null) {
          System.setProperty(key, value);
        }
      });
    }
    return started;
  }

  /** One coordinate, e.g. {@code TECHMARKET_KEYCLOAK_URL}. */
  public static String get(String key) {
    var value = start().get(key);
    if (value == null) {
      throw new IllegalStateException("dev services did not report " + key);
    }
    return value;
  }

  static Map<String, String> forTests(Map<String, String> coordinates) {
    var result = new LinkedHashMap<String, String>();
    coordinates.forEach((key, value) -> {
      if (key.startsWith("TECHMARKET_")) {
        result.put(key, value);
      }
    });
    if (result.containsKey("TECHMARKET_POSTGRES_TEST_DB")) {
      result.put("TECHMARKET_POSTGRES_DB", result.get("TECHMARKET_POSTGRES_TEST_DB"));
    }
    // Redis database 1 and a "test-" index prefix keep test data apart from the demo data.
    result.putIfAbsent("TECHMARKET_REDIS_DATABASE", "1");
    result.putIfAbsent("TECHMARKET_ELASTICSEARCH_INDEX_PREFIX", "test-");
    return result;
  }

  static Map<String, String> parseEnvFile(List<String> lines) {
    var result = new LinkedHashMap<String, String>();
    for (var line : lines) {
      var trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
        continue;
      }
      var separator = trimmed.indexOf('=');
      result.put(trimmed.substring(0, separator).strip(), trimmed.substring(separator + 1).strip());
    }
    return result;
  }

  private static Map<String, String> runScript(Path projectDir) {
    var script = projectDir.resolve("infra/bin/dev-services");
    var log = projectDir.resolve(".devservices/logs/test-start.log");
    try {
      Files.createDirectories(log.getParent());
      var process = new ProcessBuilder("bash", script.toString(), "start")
          .directory(projectDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("dev services did not start within " + START_TIMEOUT + "; see " + log);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("dev services failed to start:\n" + Files.readString(log));
      }
      var envFile = projectDir.resolve(".devservices/services.env");
      return parseEnvFile(Files.readAllLines(envFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting dev services", e);
    }
  }

  static Path projectDirectory() {
    var configured = System.getProperty("techmarket.project.dir");
    var candidate = Path.of(configured != null ? configured : "").toAbsolutePath();
    for (var dir = candidate; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("infra/bin/dev-services"))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find infra/bin/dev-services above " + candidate);
  }
}
