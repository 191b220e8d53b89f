package org.pingliang.techmarket.marketplace.contract;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.pingliang.techmarket.marketplace.organisation.RegionCode;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Technology-contract statistics (技术合同统计) over registered contracts only: a contract counts in
 * the year and month it was registered (China time), with its contract total (成交额) and technical
 * transaction amount (技术交易额); a contract terminated after registration stays counted, as the
 * registry counted it. County and party type are the seller's (技术输出方) unless the buyer's side
 * (技术吸纳方) is asked for.
 */
@Service
class ContractStatistics {

  private final DatabaseClient database;
  private final ContractStatisticsCache cache;
  private final ContractProperties properties;

  ContractStatistics(DatabaseClient database, ContractStatisticsCache cache, ContractProperties properties) {
    this.database = database;
    this.cache = cache;
    this.properties = properties;
  }

  /** One group: how many contracts, their total and their technical transaction amount. */
  record Bucket(String key, String label, long count, Money totalAmount, Money technicalTransactionAmount) {}

  record Report(int year, PartyRole side, Bucket total, List<Bucket> byMonth, List<Bucket> byRegion,
      List<Bucket> byContractType, List<Bucket> byTechnologyField, List<Bucket> byPartyType) {}

  /**
   * Progress against the yearly turnover target, measured on the registered contracts' total amount
   * (成交额); the technical transaction amount is shown beside it.
   */
  record TargetProgress(int year, Money target, Money achieved, Money technicalTransactionAmount, long contractCount,
      int progressBasisPoints, String progressPercent, Money remaining) {}

  Mono<Report> report(int year, PartyRole side) {
    return cache.cached(year + ":" + side.name(), Report.class, () -> compute(year, side));
  }

  Mono<TargetProgress> target(int year) {
    return cache.cached("target:" + year, TargetProgress.class, () -> group(year, "'all'").next()
        .defaultIfEmpty(new Bucket("all", null, 0, Money.cny(0), Money.cny(0)))
        .map(total -> progress(year, total)));
  }

  private TargetProgress progress(int year, Bucket total) {
    var target = properties.yearlyTargetFen();
    var achieved = total.totalAmount().amountFen();
    // Whole basis points, rounded down: 1.5 billion is far from overflowing a long when multiplied by 10,000.
    var basisPoints = (int) Math.min(Integer.MAX_VALUE, achieved * 10_000 / target);
    var percent = "%d.%02d".formatted(basisPoints / 100, basisPoints % 100);
    return new TargetProgress(year, Money.cny(target), total.totalAmount(), total.technicalTransactionAmount(),
        total.count(), basisPoints, percent, Money.cny(Math.max(0, target - achieved)));
  }

  private Mono<Report> compute(int year, PartyRole side) {
    var prefix = side == PartyRole.SELLER ? "seller_" : "buyer_";
    return Mono.zip(
        group(year, "'all'").next().defaultIfEmpty(new Bucket("all", null, 0, Money.cny(0), Money.cny(0))),
        group(year, "to_char(registered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')").collectList(),
        group(year, prefix + "region_code").map(ContractStatistics::regionLabel).collectList(),
        group(year, "contract_type").map(b -> labelled(b, ContractType.valueOf(b.key()).chineseName())).collectList(),
        group(year, "coalesce(technology_field, 'UNSPECIFIED')").map(ContractStatistics::fieldLabel).collectList(),
        group(year, prefix + "legal_category || coalesce(':' || " + prefix + "legal_subtype, '')").collectList())
        .map(t -> new Report(year, side, t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5(), t.getT6()));
  }

  /** Registered contracts of the year grouped by a fixed SQL expression (never client input). */
  private Flux<Bucket> group(int year, String keyExpression) {
    var from = ZonedDateTime.of(LocalDate.of(year, 1, 1).atStartOfDay(), ContractClock.CHINA).toInstant();
    var to = ZonedDateTime.of(LocalDate.of(year + 1, 1, 1).atStartOfDay(), ContractClock.CHINA).toInstant();
    return database.sql("""
            SELECT %s AS key, count(*) AS contracts, coalesce(sum(total_fen), 0)::bigint AS total,
              coalesce(sum(technical_transaction_fen), 0)::bigint AS technical
            FROM contracts WHERE registered_at >= :from AND registered_at < :to
            GROUP BY 1 ORDER BY 1""".formatted(keyExpression))
        .bind("from", from).bind("to", to)
        .map(row -> new Bucket(row.get("key", String.class), null, row.get("contracts", Long.class),
            Money.cny(row.get("total", Long.class)), Money.cny(row.get("technical", Long.class))))
        .all();
  }

  private static Bucket labelled(Bucket bucket, String label) {
    return new Bucket(bucket.key(), label, bucket.count(), bucket.totalAmount(), bucket.technicalTransactionAmount());
  }

  private static Bucket regionLabel(Bucket bucket) {
    return labelled(bucket, RegionCode.parse(bucket.key()).flatMap(code -> code.name(Locale.CHINA)).orElse(null));
  }

  private static Bucket fieldLabel(Bucket bucket) {
    return "UNSPECIFIED".equals(bucket.key()) ? labelled(bucket, "未填写")
        : labelled(bucket, TechnologyField.valueOf(bucket.key()).chineseName());
  }
}
