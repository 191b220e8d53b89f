package org.pingliang.techmarket.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pingliang.techmarket.testsupport.DevServices;

/**
 * Marketplace and two search-indexer instances as real processes ({@code java -jar} of the built
 * jars) on the dev services. Listing changes go through marketplace's API; the proof is always the
 * same: every listing the database holds is in the index at the database's version, and nothing
 * else is.
 *
 * <p>Isolation: the test database and its own Redis database (2) and index prefix ({@code systest-}),
 * so the stream and the index hold only what these processes produce. The test database keeps the
 * listings of earlier runs; the rebuild below brings them into the fresh index too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndexEqualsDatabaseIT {

  /** Listings to take through four changes each: 1,250 make the 5,000 changes (a fifth are demands). */
  private static final int LISTINGS = Integer.getInteger("system-tests.listings", 1250);
  private static final int CHANGES = LISTINGS * 4;
  // Generous: on a shared 2-core box three JVMs starting at once took 3 minutes.
  private static final Duration READY = Duration.ofMinutes(8);
  private static final Duration CONVERGENCE = Duration.ofMinutes(6);
  private static final String PREFIX = "systest-";

  private static Path workdir;
  private static Map<String, String> environment;
  private static AppProcess marketplace;
  private static AppProcess indexerA;
  private static AppProcess indexerB;
  private static Marketplace api;
  private static Elasticsearch elasticsearch;

  @BeforeAll
  static void start() throws Exception {
    workdir = Path.of(System.getProperty("system-tests.workdir", "target/system-tests"));
    Files.createDirectories(workdir);
    environment = new HashMap<>(DevServices.start());
    environment.put("TECHMARKET_REDIS_DATABASE", "2");
    environment.put("TECHMARKET_ELASTICSEARCH_INDEX_PREFIX", PREFIX);
    elasticsearch = new Elasticsearch(environment.get("TECHMARKET_ELASTICSEARCH_URL"), PREFIX);
    elasticsearch.dropAll();

    var marketplacePort = AppProcess.freePort();
    var marketplaceEnv = new HashMap<>(environment);
    marketplaceEnv.put("TECHMARKET_MARKETPLACE_PORT", String.valueOf(marketplacePort));
    marketplace = new AppProcess("marketplace", Path.of(System.getProperty("marketplace.jar")),
        List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC"), marketplaceEnv, workdir.resolve("marketplace.log"),
        marketplacePort).start();
    indexerA = indexer("systest-indexer-a");
    indexerB = indexer("systest-indexer-b");
    marketplace.awaitReady(READY);
    indexerA.awaitReady(READY);
    indexerB.awaitReady(READY);
    api = new Marketplace(marketplace.url());
  }

  private static AppProcess indexer(String consumerName) {
    var port = AppProcess.freePort();
    return new AppProcess(consumerName, Path.of(System.getProperty("search-indexer.jar")),
        List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC"), indexerEnvironment(port, consumerName),
        workdir.resolve(consumerName + ".log"), port).start();
  }

  private static Map<String, String> indexerEnvironment(int port, String consumerName) {
    var env = new HashMap<>(environment);
    env.put("TECHMARKET_SEARCH_INDEXER_PORT", String.valueOf(port));
    env.put("TECHMARKET_INDEXER_CONSUMER_NAME", consumerName);
    env.put("TECHMARKET_MARKETPLACE_URL", marketplace.url());
    // The proof is about the stream consumer, not about the repair job hiding its mistakes.
    env.put("TECHMARKET_INDEXER_RECONCILIATION_ENABLED", "false");
    return env;
  }

  @AfterAll
  static void stop() throws Exception {
    for (var app : new AppProcess[] {indexerA, indexerB, marketplace}) {
      if (app != null) {
        app.stop();
      }
    }
  }

  @Test
  @Order(1)
  void five_thousand_changes_with_an_indexer_killed_and_a_rebuild_midway_leave_the_index_equal_to_the_database()
      throws Exception {
    var university = api.organisation("university", "UNIVERSITY");
    var enterprise = api.organisation("enterprise", "ENTERPRISE");
    var indexBefore = elasticsearch.aliasTarget(elasticsearch.alias()).orElseThrow();

    var changes = new AtomicInteger();
    var killedAt = new AtomicInteger(-1);
    var rebuildStartedAt = new AtomicInteger(-1);
    var changesWhileBuilding = new AtomicInteger();
    var building = new AtomicBoolean();
    var rebuildCopying = new CountDownLatch(1);
    var rebuild = new AppProcess[1];
    var reindexEnv = indexerEnvironment(0, "unused");
    reindexEnv.put("TECHMARKET_INDEXER_ENABLED", "false");

    Runnable afterEachChange = () -> {
      var done = changes.incrementAndGet();
      if (building.get()) {
        changesWhileBuilding.incrementAndGet();
      }
      if (done == CHANGES * 3 / 10 && killedAt.compareAndSet(-1, done)) {
        try {
          indexerA.kill9(); // mid-stream: entries read and not yet acknowledged die with it
          indexerA = indexer("systest-indexer-a"); // same consumer name: it must repair its own pending entries
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (done == CHANGES / 2 && rebuildStartedAt.compareAndSet(-1, done)) {
        rebuild[0] = new AppProcess("reindex", Path.of(System.getProperty("search-indexer.jar")),
            List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC"), reindexEnv, workdir.resolve("reindex.log"), 0)
            .start("reindex");
      }
    };

    // Watches for the rebuild's new index; half of the changes wait for it, so they overlap the copy.
    // A rebuild that ends before it is seen copying releases the waiting changes all the same.
    var watcher = Executors.newSingleThreadExecutor().submit(() -> {
      await("the rebuild's index, or the rebuild's end").atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(100))
          .until(() -> rebuild[0] != null
              && (!rebuild[0].isAlive() || elasticsearch.aliasTarget(PREFIX + "listings-building").isPresent()));
      building.set(rebuild[0].isAlive());
      rebuildCopying.countDown();
      await("the rebuild's end").atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(100))
          .until(() -> !rebuild[0].isAlive());
      building.set(false);
      return null;
    });

    try (var workers = Executors.newFixedThreadPool(6)) {
      var futures = new ArrayList<Future<?>>();
      for (var i = 0; i < LISTINGS; i++) {
        var n = i;
        futures.add(workers.submit(() -> {
          if (changes.get() >= CHANGES / 2) {
            rebuildCopying.await(5, TimeUnit.MINUTES);
          }
          if (n % 5 == 4) {
            api.demandLifecycle(enterprise, n, afterEachChange);
          } else {
            api.achievementLifecycle(university, n, afterEachChange);
          }
          return null;
        }));
      }
      for (var future : futures) {
        future.get(10, TimeUnit.MINUTES);
      }
    }
    assertThat(changes.get()).isEqualTo(CHANGES);
    assertThat(killedAt.get()).as("the indexer was killed while changes were still coming").isBetween(1, CHANGES - 1);

    assertThat(rebuild[0].awaitExit(Duration.ofMinutes(5))).as("reindex exit code; see " + rebuild[0].log()).isZero();
    watcher.get(1, TimeUnit.MINUTES);
    assertThat(changesWhileBuilding.get()).as("changes made while the rebuild copied").isPositive();
    assertThat(Files.readString(rebuild[0].log())).contains("reindex: Report[source=database");
    var indexAfter = elasticsearch.aliasTarget(elasticsearch.alias()).orElseThrow();
    assertThat(indexAfter).as("the alias moved to the rebuilt index").isNotEqualTo(indexBefore);

    indexerA.awaitReady(READY);
    awaitIndexEqualsDatabase();
    assertThat(indexedTotal(indexerA)).as("the restarted instance indexed its share").isPositive();
    assertThat(indexedTotal(indexerB)).as("the other instance indexed its share").isPositive();
  }

  @Test
  @Order(2)
  void with_elasticsearch_stopped_listing_writes_keep_working_and_the_indexers_catch_up_when_it_returns()
      throws Exception {
    var university = api.organisation("university", "UNIVERSITY");
    var url = URI.create(environment.get("TECHMARKET_ELASTICSEARCH_URL"));
    devServices("stop", "elasticsearch", url.getPort());
    try {
      var changes = new AtomicInteger();
      for (var i = 0; i < 25; i++) {
        api.achievementLifecycle(university, i, changes::incrementAndGet);
      }
      assertThat(changes.get()).isEqualTo(100);
      assertThat(health(indexerB)).as("the indexer reports the cluster down").isEqualTo(503);
    } finally {
      devServices("start", "elasticsearch", url.getPort());
    }
    awaitIndexEqualsDatabase();
  }

  private static void awaitIndexEqualsDatabase() {
    await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
      var database = api.databaseVersions();
      var index = elasticsearch.indexVersions();
      assertThat(index.size()).as("documents in the index vs listings in the database").isEqualTo(database.size());
      var differences = new ArrayList<String>();
      database.forEach((id, version) -> {
        var indexed = index.get(id);
        if (!version.equals(indexed)) {
          differences.add(id + ": database " + version + ", index " + indexed);
        }
      });
      assertThat(differences).as("listings whose indexed version differs").isEmpty();
    });
  }

  private static double indexedTotal(AppProcess indexer) throws Exception {
    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(indexer.url() + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
    return response.body().lines().filter(line -> line.startsWith("techmarket_indexer_indexed_total"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }

  private static int health(AppProcess indexer) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(indexer.url() + "/actuator/health"))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void devServices(String action, String service, int port) throws IOException, InterruptedException {
    var project = Path.of(System.getProperty("techmarket.project.dir"));
    var builder = new ProcessBuilder("bash", project.resolve("infra/bin/dev-services").toString(), action, service)
        .directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(workdir.resolve("dev-services.log").toFile()));
    builder.environment().put("TM_ELASTICSEARCH_PORT", String.valueOf(port));
    var process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("dev-services " + action + " " + service + " failed; see "
          + workdir.resolve("dev-services.log"));
    }
  }
}
