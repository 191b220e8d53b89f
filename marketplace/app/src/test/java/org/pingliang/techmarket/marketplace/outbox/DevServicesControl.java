package org.pingliang.techmarket.marketplace.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts this worktree's real dev services from a test (infra/bin/dev-services), pinned to
 * the ports the run already uses, so the app's connections find the server again where they left it.
 */
final class DevServicesControl {

  private DevServicesControl() {}

  /** Whether the servers were started by someone else (then a test must not stop them). */
  static boolean external() {
    return "external".equals(System.getenv("TECHMARKET_DEVSERVICES"));
  }

  static void stopRedis() {
    run("stop", "redis");
  }

  static void startRedis() {
    run("start", "redis");
  }

  private static void run(String... arguments) {
    var project = projectDirectory();
    var command = new ArrayList<>(List.of("bash", project.resolve("infra/bin/dev-services").toString()));
    command.addAll(List.of(arguments));
    try {
      var builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
      // A freed port could otherwise be re-chosen elsewhere; pinned, a taken port is an error instead.
      builder.environment().put("TM_REDIS_PORT", System.getProperty("TECHMARKET_REDIS_PORT", "6379"));
      var process = builder.start();
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("dev-services " + String.join(" ", arguments) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run dev-services", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running dev-services", e);
    }
  }

  private static Path projectDirectory() {
    var configured = System.getProperty("techmarket.project.dir");
    for (var dir = Path.of(configured != null ? configured : "").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("infra/bin/dev-services"))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find infra/bin/dev-services");
  }
}
