package org.pingliang.techmarket.search.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load: {@code concurrency} workers each start their next call as soon as the last
 * one returned, until {@code total} calls are done. A call that throws or answers false is a failure.
 */
final class Load {

  private Load() {}

  @FunctionalInterface
  interface Call {
    boolean run(int i) throws Exception;
  }

  /** What one round measured. */
  record Result(int requests, int failures, double seconds, double[] latenciesMillis) {

    double throughput() {
      return (requests - failures) / seconds;
    }

    double percentile(double p) {
      return Load.percentile(latenciesMillis, p);
    }
  }

  static Result run(int total, int concurrency, Call call) throws InterruptedException {
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
              if (!call.run(i)) {
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

  /** Nearest-rank percentile. */
  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    var sorted = values.clone();
    Arrays.sort(sorted);
    var index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  static double median(List<Double> values) {
    var sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    var n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
