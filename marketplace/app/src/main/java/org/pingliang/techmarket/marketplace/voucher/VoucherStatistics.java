package org.pingliang.techmarket.marketplace.voucher;

import java.util.List;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Public voucher statistics for a year, read from the ledger: issued (BUDGET → VOUCHER, by the
 * voucher's year), redeemed (voucher parts of paid orders, ORDER → PROVIDER_PAYABLE) and reimbursed
 * (PROVIDER_PAYABLE → REIMBURSED) by month of the movement (China time); by county of the enterprise
 * holding the voucher (issued, redeemed) or of the provider (reimbursed); and the budget's use.
 */
@Component
class VoucherStatistics {

  private final DatabaseClient database;

  VoucherStatistics(DatabaseClient database) {
    this.database = database;
  }

  record Statistics(int year, Money budget, Money issued, Money redeemed, Money reimbursed, double budgetUse,
      long vouchers, long enterprises, List<Row> byCounty, List<Row> byMonth) {}

  /** {@code key}: a county's region code or a month {@code yyyy-MM}. */
  record Row(String key, Money issued, Money redeemed, Money reimbursed) {}

  private static final String MOVEMENTS = """
      WITH movements AS (
        SELECT 'ISSUED' AS what, e.amount_fen, t.occurred_at, org.region_code
        FROM voucher_ledger_transactions t
        JOIN voucher_ledger_entries e ON e.transaction_id = t.id AND e.account_type = 'VOUCHER'
        JOIN vouchers v ON v.id::text = e.account_id
        JOIN organisations org ON org.id = v.organisation_id
        WHERE t.kind = 'ISSUE' AND v.year = :year
        UNION ALL
        SELECT 'REDEEMED', e.amount_fen, t.occurred_at, org.region_code
        FROM voucher_ledger_transactions t
        JOIN voucher_ledger_entries e ON e.transaction_id = t.id AND e.account_type = 'PROVIDER_PAYABLE'
        JOIN checkout_orders o ON o.id = t.reference_id
        JOIN organisations org ON org.id = o.buyer_organisation_id
        WHERE t.kind = 'SETTLE' AND extract(year FROM t.occurred_at AT TIME ZONE 'Asia/Shanghai') = :year
        UNION ALL
        SELECT 'REIMBURSED', e.amount_fen, t.occurred_at, org.region_code
        FROM voucher_ledger_transactions t
        JOIN voucher_ledger_entries e ON e.transaction_id = t.id AND e.account_type = 'REIMBURSED'
        JOIN organisations org ON org.id::text = e.account_id
        WHERE t.kind = 'REIMBURSE' AND extract(year FROM t.occurred_at AT TIME ZONE 'Asia/Shanghai') = :year)
      """;

  Mono<Statistics> of(int year) {
    var totals = database.sql("""
            SELECT
              (SELECT coalesce(sum(amount_fen), 0) FROM voucher_budgets WHERE year = :year) AS budget,
              (SELECT count(*) FROM vouchers WHERE year = :year) AS vouchers,
              (SELECT count(DISTINCT organisation_id) FROM vouchers WHERE year = :year) AS enterprises""")
        .bind("year", year)
        .map(row -> new long[] {((Number) row.get("budget")).longValue(), ((Number) row.get("vouchers")).longValue(),
            ((Number) row.get("enterprises")).longValue()})
        .one();
    var byCounty = rows("region_code", year);
    var byMonth = rows("to_char(occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')", year);
    return Mono.zip(totals, byCounty, byMonth).map(all -> {
      var budget = all.getT1()[0];
      var issued = all.getT3().stream().mapToLong(row -> row.issued().amountFen()).sum();
      var redeemed = all.getT3().stream().mapToLong(row -> row.redeemed().amountFen()).sum();
      var reimbursed = all.getT3().stream().mapToLong(row -> row.reimbursed().amountFen()).sum();
      return new Statistics(year, Money.cny(budget), Money.cny(issued), Money.cny(redeemed), Money.cny(reimbursed),
          budget == 0 ? 0 : Math.round(issued * 10_000.0 / budget) / 10_000.0, all.getT1()[1], all.getT1()[2],
          all.getT2(), all.getT3());
    });
  }

  private Mono<List<Row>> rows(String key, int year) {
    return database.sql(MOVEMENTS + """
            SELECT %s AS key,
              coalesce(sum(amount_fen) FILTER (WHERE what = 'ISSUED'), 0) AS issued,
              coalesce(sum(amount_fen) FILTER (WHERE what = 'REDEEMED'), 0) AS redeemed,
              coalesce(sum(amount_fen) FILTER (WHERE what = 'REIMBURSED'), 0) AS reimbursed
            FROM movements GROUP BY 1 ORDER BY 1""".formatted(key))
        .bind("year", year)
        .map(row -> new Row(row.get("key", String.class), Money.cny(((Number) row.get("issued")).longValue()),
            Money.cny(((Number) row.get("redeemed")).longValue()), Money.cny(((Number) row.get("reimbursed")).longValue())))
        .all().collectList();
  }
}
