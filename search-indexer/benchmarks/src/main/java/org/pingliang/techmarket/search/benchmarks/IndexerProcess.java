package org.pingliang.techmarket.search.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A search-indexer process the benchmark starts (with or without embeddings) and stops. */
final class IndexerProcess implements AutoCloseable {

  private final String java;
  private final Path jar;
  private final int port;
  private final Path log;
  private final List<String> javaOptions;
  private Process process;

  IndexerProcess(String java, Path jar, int port, Path log, List<String> javaOptions) {
    this.java = java;
    this.jar = jar;
    this.port = port;
    this.log = log;
    this.javaOptions = javaOptions;
  }

  /** Starts it and waits until it is ready; {@code embeddings} false starts it without the model. */
  void start(boolean embeddings) throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add(java);
    command.addAll(javaOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--techmarket.indexer.embedding.enabled=" + embeddings);
    var builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("TECHMARKET_SEARCH_INDEXER_PORT", Integer.toString(port));
    builder.environment().put("TECHMARKET_INDEXER_CONSUMER_NAME", "bench-search-indexer");
    // The corpus is loaded straight into the index and has no rows in the database: reconciliation
    // would take it for stale documents. Its own correctness is tested elsewhere.
    builder.environment().put("TECHMARKET_INDEXER_RECONCILIATION_ENABLED", "false");
    process = builder.start();
    var http = HttpClient.newHttpClient();
    var deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("search-indexer exited with " + process.exitValue() + "; see " + log);
      }
      try {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("search-indexer did not become ready; see " + log);
  }

  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
    process = null;
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
