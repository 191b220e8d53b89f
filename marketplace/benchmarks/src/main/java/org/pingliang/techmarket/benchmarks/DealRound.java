package org.pingliang.techmarket.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one round of deals measured: per step the latency of every request sent (failed ones too)
 * and the failures, and how many deals went all the way to registration in how long.
 */
final class DealRound {

  private final int deals;
  private final Map<DealStep, ConcurrentLinkedQueue<Double>> latencies = new EnumMap<>(DealStep.class);
  private final Map<DealStep, AtomicInteger> errors = new EnumMap<>(DealStep.class);
  private final ConcurrentLinkedQueue<Double> dealMillis = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
  private final AtomicInteger completed = new AtomicInteger();
  private volatile double seconds;

  DealRound(int deals) {
    this.deals = deals;
    for (var step : DealStep.values()) {
      latencies.put(step, new ConcurrentLinkedQueue<>());
      errors.put(step, new AtomicInteger());
    }
  }

  void request(DealStep step, double millis, boolean ok, String failure) {
    latencies.get(step).add(millis);
    if (!ok) {
      errors.get(step).incrementAndGet();
      if (firstErrors.size() < 5) {
        firstErrors.add(step.label + ": " + failure);
      }
    }
  }

  void completed(double millis) {
    completed.incrementAndGet();
    dealMillis.add(millis);
  }

  void finished(double seconds) {
    this.seconds = seconds;
  }

  int deals() {
    return deals;
  }

  int completed() {
    return completed.get();
  }

  double seconds() {
    return seconds;
  }

  /** Complete deals (inquiry to registration) per second. */
  double throughput() {
    return seconds <= 0 ? 0 : completed.get() / seconds;
  }

  int count(DealStep step) {
    return latencies.get(step).size();
  }

  int errors(DealStep step) {
    return errors.get(step).get();
  }

  int requests() {
    return Arrays.stream(DealStep.values()).mapToInt(this::count).sum();
  }

  int errors() {
    return Arrays.stream(DealStep.values()).mapToInt(this::errors).sum();
  }

  double percentile(DealStep step, double p) {
    return percentile(latencies.get(step), p);
  }

  double dealPercentile(double p) {
    return percentile(dealMillis, p);
  }

  List<String> firstErrors() {
    return List.copyOf(firstErrors);
  }

  String summary(int round) {
    return String.format(Locale.ROOT, "round %d: %d/%d deals registered in %.1f s = %.2f deals/s (deal p50 %.0f ms, p99 %.0f ms), %d requests, %d failed",
        round, completed(), deals, seconds, throughput(), dealPercentile(50), dealPercentile(99), requests(), errors());
  }

  /** Nearest-rank percentile in milliseconds; NaN when nothing was measured. */
  static double percentile(java.util.Collection<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    var sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    var index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
