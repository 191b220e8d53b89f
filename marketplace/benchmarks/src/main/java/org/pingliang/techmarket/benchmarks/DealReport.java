package org.pingliang.techmarket.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The table bench-deals prints: full deal throughput, then per step the requests sent and failed
 * over all rounds and the p50/p99 latency (median of the rounds' values), then the registration
 * check. Kept apart from the load so the arithmetic is unit-tested.
 */
final class DealReport {

  private DealReport() {}

  static String table(List<DealRound> rounds, int concurrency, int cores, int registered, int started) {
    var out = new StringBuilder();
    var deals = rounds.isEmpty() ? 0 : rounds.getFirst().deals();
    out.append(String.format(Locale.ROOT, "== bench-deals: %d cores, concurrency %d, %d round(s) x %d deals, medians over rounds%n",
        cores, concurrency, rounds.size(), deals));
    out.append(String.format(Locale.ROOT, "%-44s %9.2f deals/s   deal p50 %7.0f ms   p99 %7.0f ms%n",
        "full deal (inquiry -> registration)", median(rounds, DealRound::throughput),
        median(rounds, r -> r.dealPercentile(50)), median(rounds, r -> r.dealPercentile(99))));
    out.append(String.format(Locale.ROOT, "%-44s %9.2f req/s%n", "requests (all steps)",
        median(rounds, r -> r.seconds() <= 0 ? 0 : (r.requests() - r.errors()) / r.seconds())));
    out.append(String.format(Locale.ROOT, "%-30s %-22s %7s %7s %9s %9s%n", "step", "by", "count", "errors", "p50 ms", "p99 ms"));
    for (var step : DealStep.values()) {
      out.append(String.format(Locale.ROOT, "%-30s %-22s %7d %7d %9.1f %9.1f%n", step.label, step.by,
          rounds.stream().mapToInt(r -> r.count(step)).sum(), rounds.stream().mapToInt(r -> r.errors(step)).sum(),
          median(rounds, r -> r.percentile(step, 50)), median(rounds, r -> r.percentile(step, 99))));
    }
    out.append(String.format(Locale.ROOT, "%-30s %-22s %7d %7d%n", "all steps", "",
        rounds.stream().mapToInt(DealRound::requests).sum(), rounds.stream().mapToInt(DealRound::errors).sum()));
    out.append(String.format(Locale.ROOT, "deals ended REGISTERED (GET /api/contracts/{id}): %d of %d started%s%n",
        registered, started, registered == started ? "" : "  <-- NOT ALL"));
    return out.toString();
  }

  /** The median of a per-round value, ignoring rounds where it could not be measured (NaN). */
  static double median(List<DealRound> rounds, ToDoubleFunction<DealRound> value) {
    var values = rounds.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).boxed().toList();
    return values.isEmpty() ? Double.NaN : Load.median(values);
  }
}
