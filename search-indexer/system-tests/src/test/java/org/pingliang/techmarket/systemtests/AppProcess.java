package org.pingliang.techmarket.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the apps as a real JVM started from its jar, as {@code infra/bin/platform} starts it. */
final class AppProcess {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Path jar;
  private final List<String> javaOptions;
  private final Map<String, String> environment;
  private final Path log;
  private final int port;
  private Process process;

  AppProcess(String name, Path jar, List<String> javaOptions, Map<String, String> environment, Path log, int port) {
    this.name = name;
    this.jar = jar;
    this.javaOptions = javaOptions;
    this.environment = environment;
    this.log = log;
    this.port = port;
  }

  static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  int port() {
    return port;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  /** Starts the JVM (its output appended to the log) without waiting. */
  AppProcess start(String... args) {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    try {
      Files.createDirectories(log.getParent());
      var builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      process = builder.start();
      return this;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + name, e);
    }
  }

  /** Waits until the readiness probe answers UP; fails at once if the process exits first. */
  void awaitReady(Duration timeout) {
    var probe = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2))
        .build();
    await(name + " ready; see " + log).atMost(timeout).pollInterval(Duration.ofMillis(250))
        .failFast(name + " exited; see " + log, () -> !process.isAlive())
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(() -> HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  /** Runs to completion (a command run of the jar) and answers its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + log);
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no graceful stop, nothing flushed. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  Path log() {
    return log;
  }
}
