package org.pingliang.techmarket.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A closed-loop load: {@code concurrency} workers each send their next request as soon as the last
 * one answered, until {@code total} requests are done. Counts only the expected status as success.
 */
final class Load {

  private Load() {}

  /** What one round measured. */
  record Result(int requests, int failures, double seconds, double[] latenciesMillis) {

    double throughput() {
      return (requests - failures) / seconds;
    }

    double percentile(double p) {
      var sorted = latenciesMillis.clone();
      Arrays.sort(sorted);
      var index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
  }

  static Result run(HttpClient http, int total, int concurrency, int expectedStatus, IntFunction<HttpRequest> request)
      throws InterruptedException {
    var next = new AtomicInteger();
    var failures = new AtomicInteger();
    var latencies = new double[total];
    var started = System.nanoTime();
    try (var workers = Executors.newFixedThreadPool(concurrency)) {
      for (var w = 0; w < concurrency; w++) {
        workers.submit(() -> {
          for (var i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
            var sent = System.nanoTime();
            try {
              var response = http.send(request.apply(i), HttpResponse.BodyHandlers.discarding());
              if (response.statusCode() != expectedStatus) {
                failures.incrementAndGet();
              }
            } catch (Exception e) {
              failures.incrementAndGet();
            }
            latencies[i] = (System.nanoTime() - sent) / 1e6;
          }
          return null;
        });
      }
    }
    return new Result(total, failures.get(), (System.nanoTime() - started) / 1e9, latencies);
  }

  static HttpRequest.Builder post(String url, String json) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  static double median(List<Double> values) {
    var sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    var n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
