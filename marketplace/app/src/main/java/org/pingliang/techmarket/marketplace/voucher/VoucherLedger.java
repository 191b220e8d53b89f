package org.pingliang.techmarket.marketplace.voucher;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The double-entry ledger of voucher money, written in the caller's transaction. Accounts follow the
 * money: {@code BUDGET:{year}} → {@code VOUCHER:{id}} → {@code ORDER:{id}} → {@code
 * PROVIDER_PAYABLE:{organisation}} → {@code REIMBURSED:{organisation}}. Every transaction's entries
 * sum to zero (checked here and again by a deferred constraint trigger at commit).
 */
@Component
class VoucherLedger {

  static final String BUDGET = "BUDGET";
  static final String VOUCHER = "VOUCHER";
  static final String ORDER = "ORDER";
  static final String PAYABLE = "PROVIDER_PAYABLE";
  static final String REIMBURSED = "REIMBURSED";

  private final DatabaseClient database;
  private final Clock clock;

  VoucherLedger(DatabaseClient database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  record Entry(String accountType, String accountId, long amountFen) {}

  /** Moves {@code amountFen} from one account to another as one balanced transaction. */
  Mono<Void> move(String kind, UUID reference, String recordedBy, long amountFen, String fromType, Object fromId,
      String toType, Object toId) {
    return record(kind, reference, recordedBy, List.of(new Entry(fromType, fromId.toString(), -amountFen),
        new Entry(toType, toId.toString(), amountFen)));
  }

  Mono<Void> record(String kind, UUID reference, String recordedBy, List<Entry> entries) {
    if (entries.stream().mapToLong(Entry::amountFen).sum() != 0 || entries.size() < 2
        || entries.stream().anyMatch(entry -> entry.amountFen() == 0)) {
      return Mono.error(new IllegalStateException("unbalanced ledger transaction " + kind + " " + entries));
    }
    var id = Ids.newId();
    return database.sql("""
            INSERT INTO voucher_ledger_transactions (id, kind, reference_id, occurred_at, recorded_by)
            VALUES (:id, :kind, :reference, :now, :by)""")
        .bind("id", id).bind("kind", kind).bind("reference", reference).bind("now", clock.instant())
        .bind("by", recordedBy)
        .fetch().rowsUpdated()
        .thenMany(Flux.range(0, entries.size()).concatMap(position -> database.sql("""
                INSERT INTO voucher_ledger_entries (transaction_id, position, account_type, account_id, amount_fen)
                VALUES (:id, :position, :type, :account, :amount)""")
            .bind("id", id).bind("position", position).bind("type", entries.get(position).accountType())
            .bind("account", entries.get(position).accountId()).bind("amount", entries.get(position).amountFen())
            .fetch().rowsUpdated()))
        .then();
  }

  /**
   * Whether the ledger balances and agrees with the tables it mirrors: every transaction sums to
   * zero; vouchers' balances, open orders' voucher parts, providers' payables and reimbursements
   * equal their accounts.
   */
  Mono<LedgerBalance> balance() {
    return database.sql("""
            SELECT
              (SELECT count(*) FROM (SELECT transaction_id FROM voucher_ledger_entries GROUP BY transaction_id
                 HAVING sum(amount_fen) <> 0 OR count(*) < 2) t) AS unbalanced,
              (SELECT count(*) FROM voucher_ledger_transactions) AS transactions,
              (SELECT coalesce(sum(amount_fen), 0) FROM voucher_ledger_entries) AS total,
              (SELECT coalesce(-sum(amount_fen), 0) FROM voucher_ledger_entries WHERE account_type = 'BUDGET') AS ledger_issued,
              (SELECT coalesce(sum(issued_fen), 0) FROM voucher_budgets) AS budgets_issued,
              (SELECT coalesce(sum(amount_fen), 0) FROM voucher_ledger_entries WHERE account_type = 'VOUCHER') AS ledger_vouchers,
              (SELECT coalesce(sum(balance_fen), 0) FROM vouchers) AS voucher_balances,
              (SELECT count(*) FROM vouchers v WHERE v.balance_fen <> coalesce((SELECT sum(e.amount_fen)
                 FROM voucher_ledger_entries e WHERE e.account_type = 'VOUCHER' AND e.account_id = v.id::text), 0)) AS mismatched,
              (SELECT coalesce(sum(amount_fen), 0) FROM voucher_ledger_entries WHERE account_type = 'ORDER') AS ledger_orders,
              (SELECT coalesce(sum(voucher_fen), 0) FROM checkout_orders WHERE status = 'OPEN') AS open_orders,
              (SELECT coalesce(sum(amount_fen), 0) FROM voucher_ledger_entries WHERE account_type = 'PROVIDER_PAYABLE') AS ledger_payable,
              (SELECT coalesce(sum(voucher_fen), 0) FROM checkout_orders WHERE status = 'PAID')
                - (SELECT coalesce(sum(amount_fen), 0) FROM reimbursement_claims WHERE status = 'APPROVED') AS payable,
              (SELECT coalesce(sum(amount_fen), 0) FROM voucher_ledger_entries WHERE account_type = 'REIMBURSED') AS ledger_reimbursed,
              (SELECT coalesce(sum(amount_fen), 0) FROM reimbursement_claims WHERE status = 'APPROVED') AS reimbursed""")
        .map(row -> LedgerBalance.of(
            row.get("transactions", Long.class), row.get("unbalanced", Long.class),
            number(row, "total"),
            pair(row, "ledger_issued", "budgets_issued"), pair(row, "ledger_vouchers", "voucher_balances"),
            row.get("mismatched", Long.class), pair(row, "ledger_orders", "open_orders"),
            pair(row, "ledger_payable", "payable"), pair(row, "ledger_reimbursed", "reimbursed")))
        .one();
  }

  private static Pair pair(io.r2dbc.spi.Readable row, String ledger, String tables) {
    return new Pair(number(row, ledger), number(row, tables));
  }

  private static long number(io.r2dbc.spi.Readable row, String column) {
    var value = row.get(column);
    return value instanceof java.math.BigDecimal decimal ? decimal.longValueExact() : ((Number) value).longValue();
  }

  /** One account family: its ledger total and what the tables say. */
  record Pair(long ledgerFen, long recordsFen, boolean matches) {
    Pair(long ledgerFen, long recordsFen) {
      this(ledgerFen, recordsFen, ledgerFen == recordsFen);
    }
  }

  /** The answer of {@code GET /api/voucher-ledger/balance}; {@code balanced} when every check holds. */
  record LedgerBalance(boolean balanced, long transactions, long unbalancedTransactions, long totalFen, Pair issued,
      Pair vouchers, long mismatchedVouchers, Pair openOrders, Pair providerPayable, Pair reimbursed) {

    static LedgerBalance of(long transactions, long unbalancedTransactions, long totalFen, Pair issued, Pair vouchers,
        long mismatchedVouchers, Pair openOrders, Pair providerPayable, Pair reimbursed) {
      var balanced = unbalancedTransactions == 0 && totalFen == 0 && issued.matches() && vouchers.matches()
          && mismatchedVouchers == 0 && openOrders.matches() && providerPayable.matches() && reimbursed.matches();
      return new LedgerBalance(balanced, transactions, unbalancedTransactions, totalFen, issued, vouchers,
          mismatchedVouchers, openOrders, providerPayable, reimbursed);
    }
  }
}
