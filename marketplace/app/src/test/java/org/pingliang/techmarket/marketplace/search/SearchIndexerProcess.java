package org.pingliang.techmarket.marketplace.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The real search-indexer, run as its own process beside the test's marketplace (as in production),
 * against the same dev services. The jar comes from the reactor build (marketplace's test scope
 * depends on the module, so it is built first).
 */
public final class SearchIndexerProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private SearchIndexerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static SearchIndexerProcess start() {
    var project = Path.of(System.getProperty("techmarket.project.dir", "../.."));
    var jar = project.resolve("search-indexer/indexer/target/search-indexer.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("build search-indexer first: " + jar + " is missing");
    }
    var java = ProcessHandle.current().info().command().orElse("java");
    var command = new ArrayList<String>();
    command.add(java);
    command.add("-Xmx512m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(jar.toString());
    var builder = new ProcessBuilder(command);
    var environment = builder.environment();
    // The dev services' coordinates, as the test JVM got them (test database, Redis db 1, test- prefix).
    System.getProperties().forEach((key, value) -> {
      if (key.toString().startsWith("TECHMARKET_")) {
        environment.put(key.toString(), value.toString());
      }
    });
    environment.put("TECHMARKET_SEARCH_INDEXER_PORT", "0");
    environment.put("TECHMARKET_INDEXER_CONSUMER_NAME", "marketplace-search-test");
    // Reconciliation would compare with a marketplace that is not at its configured address.
    environment.put("TECHMARKET_INDEXER_RECONCILIATION_ENABLED", "false");
    var log = project.resolve("marketplace/app/target/search-indexer-test.log");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    try {
      return new SearchIndexerProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
