package org.pingliang.techmarket.marketplace.voucher;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.credit.TradingBans;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.organisation.Organisation;
import org.pingliang.techmarket.marketplace.organisation.OrganisationKind;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bureau's yearly budget and the vouchers it issues (发放创新券). A voucher is issued only to an
 * eligible enterprise ({@link #eligibility}) and only within the year's budget: the budget row is
 * raised by a conditional UPDATE ({@code issued + amount <= budget}), which row-locks it, so
 * concurrent issuances can never together exceed it. Each issuance is a ledger move BUDGET → VOUCHER.
 */
@Component
class IssuingVouchers {

  /** 科技型中小企业 thresholds (科技部 评价办法): ≤ 500 employees, revenue and assets ≤ 2亿元 each. */
  static final int MAX_EMPLOYEES = 500;
  static final long MAX_REVENUE_FEN = 20_000_000_000L;
  static final long MAX_ASSETS_FEN = 20_000_000_000L;
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final DatabaseClient database;
  private final Organisations organisations;
  private final VoucherAccess access;
  private final TradingBans bans;
  private final VoucherLedger ledger;
  private final TransactionalOperator transaction;
  private final Clock clock;

  IssuingVouchers(DatabaseClient database, Organisations organisations, VoucherAccess access, TradingBans bans,
      VoucherLedger ledger, TransactionalOperator transaction, Clock clock) {
    this.database = database;
    this.organisations = organisations;
    this.access = access;
    this.bans = bans;
    this.ledger = ledger;
    this.transaction = transaction;
    this.clock = clock;
  }

  record Budget(int year, Money amount, Money issued, Money remaining, long version) {}

  record VoucherView(UUID id, int year, UUID organisationId, Money amount, Money balance, Instant expiresAt,
      boolean expired, Instant issuedAt, long version) {}

  record Declaration(UUID organisationId, int employees, Money annualRevenue, Money totalAssets, Instant declaredAt) {}

  record Eligibility(UUID organisationId, boolean eligible, List<String> reasons) {}

  // --- budgets

  Mono<Budget> setBudget(Actor actor, int year, long amountFen) {
    if (year < 2000 || year > 2100) {
      return Mono.error(VoucherProblems.invalid("year", "invalid-value"));
    }
    return database.sql("""
            INSERT INTO voucher_budgets (year, amount_fen, set_by, created_at, updated_at) VALUES (:year, :amount, :by, :now, :now)
            ON CONFLICT (year) DO UPDATE SET amount_fen = EXCLUDED.amount_fen, set_by = EXCLUDED.set_by,
              updated_at = EXCLUDED.updated_at, version = voucher_budgets.version + 1
              WHERE voucher_budgets.issued_fen <= EXCLUDED.amount_fen
            RETURNING *""")
        .bind("year", year).bind("amount", amountFen).bind("by", actor.subject()).bind("now", clock.instant())
        .map(IssuingVouchers::budget).one()
        .switchIfEmpty(Mono.error(() -> VoucherProblems.conflict("voucher.budget-below-issued")));
  }

  Flux<Budget> budgets() {
    return database.sql("SELECT * FROM voucher_budgets ORDER BY year DESC").map(IssuingVouchers::budget).all();
  }

  // --- declarations and eligibility

  Mono<Declaration> declare(Actor actor, UUID organisationId, int employees, long revenueFen, long assetsFen) {
    return organisations.find(organisationId)
        .switchIfEmpty(Mono.error(VoucherProblems::notFound))
        .flatMap(organisation -> access.requireActsFor(actor, organisationId, "voucher.not-owner")
            .then(organisation.kind() == OrganisationKind.ENTERPRISE ? Mono.<Void>empty()
                : Mono.error(VoucherProblems.conflict("voucher.not-an-enterprise"))))
        .then(database.sql("""
                INSERT INTO small_enterprise_declarations (organisation_id, employees, annual_revenue_fen, total_assets_fen,
                  declared_by, declared_at)
                VALUES (:id, :employees, :revenue, :assets, :by, :now)
                ON CONFLICT (organisation_id) DO UPDATE SET employees = EXCLUDED.employees,
                  annual_revenue_fen = EXCLUDED.annual_revenue_fen, total_assets_fen = EXCLUDED.total_assets_fen,
                  declared_by = EXCLUDED.declared_by, declared_at = EXCLUDED.declared_at
                RETURNING *""")
            .bind("id", organisationId).bind("employees", employees).bind("revenue", revenueFen)
            .bind("assets", assetsFen).bind("by", actor.subject()).bind("now", clock.instant())
            .map(IssuingVouchers::readDeclaration).one());
  }

  Mono<Declaration> declaration(Actor actor, UUID organisationId) {
    return access.requireSees(actor, organisationId).then(declaration(organisationId))
        .switchIfEmpty(Mono.error(VoucherProblems::notFound));
  }

  private Mono<Declaration> declaration(UUID organisationId) {
    return database.sql("SELECT * FROM small_enterprise_declarations WHERE organisation_id = :id")
        .bind("id", organisationId).map(IssuingVouchers::readDeclaration).one();
  }

  Mono<Eligibility> eligibility(Actor actor, UUID organisationId) {
    return access.requireSees(actor, organisationId).then(organisations.find(organisationId))
        .switchIfEmpty(Mono.error(VoucherProblems::notFound))
        .flatMap(this::eligibility);
  }

  /**
   * The eligibility rule: an organisation of kind ENTERPRISE, VERIFIED by the bureau, with a small
   * enterprise declaration within the 科技型中小企业 thresholds (≤ 500 employees, annual revenue ≤
   * 2亿元, total assets ≤ 2亿元), and not on the integrity blacklist. Reasons name every unmet condition.
   */
  Mono<Eligibility> eligibility(Organisation organisation) {
    var reasons = new ArrayList<String>();
    if (organisation.kind() != OrganisationKind.ENTERPRISE) {
      reasons.add("NOT_AN_ENTERPRISE");
    }
    if (!organisation.isVerified()) {
      reasons.add("NOT_VERIFIED");
    }
    return declaration(organisation.id()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
        .zipWith(bans.isOrganisationBanned(organisation.id()))
        .map(both -> {
          var declared = both.getT1();
          if (declared.isEmpty()) {
            reasons.add("NO_DECLARATION");
          } else if (declared.get().employees() > MAX_EMPLOYEES
              || declared.get().annualRevenue().amountFen() > MAX_REVENUE_FEN
              || declared.get().totalAssets().amountFen() > MAX_ASSETS_FEN) {
            reasons.add("NOT_SMALL");
          }
          if (both.getT2()) {
            reasons.add("TRADING_BANNED");
          }
          return new Eligibility(organisation.id(), reasons.isEmpty(), List.copyOf(reasons));
        });
  }

  // --- vouchers

  Mono<VoucherView> issue(Actor actor, UUID organisationId, int year, long amountFen, LocalDate expiresOn) {
    if (amountFen <= 0) {
      return Mono.error(VoucherProblems.invalid("amount.amountFen", "positive"));
    }
    var expiresAt = expiresOn.plusDays(1).atStartOfDay(CHINA).toInstant();
    if (!expiresAt.isAfter(clock.instant())) {
      return Mono.error(VoucherProblems.invalid("expiresOn", "future"));
    }
    var id = Ids.newId();
    var now = clock.instant();
    return organisations.find(organisationId)
        .switchIfEmpty(Mono.error(() -> VoucherProblems.invalid("organisationId", "invalid-value")))
        .flatMap(this::eligibility)
        .flatMap(eligibility -> eligibility.eligible() ? Mono.<Void>empty()
            : Mono.error(VoucherProblems.conflict("voucher.not-eligible", String.join(", ", eligibility.reasons()))))
        .then(database.sql("""
                UPDATE voucher_budgets SET issued_fen = issued_fen + :amount, updated_at = :now, version = version + 1
                WHERE year = :year AND issued_fen + :amount <= amount_fen""")
            .bind("amount", amountFen).bind("year", year).bind("now", now)
            .fetch().rowsUpdated())
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : budgetRefusal(year, amountFen))
        .then(database.sql("""
                INSERT INTO vouchers (id, year, organisation_id, amount_fen, balance_fen, expires_at, issued_by, issued_at, updated_at)
                VALUES (:id, :year, :organisation, :amount, :amount, :expires, :by, :now, :now)""")
            .bind("id", id).bind("year", year).bind("organisation", organisationId).bind("amount", amountFen)
            .bind("expires", expiresAt).bind("by", actor.subject()).bind("now", now)
            .fetch().rowsUpdated())
        .then(ledger.move("ISSUE", id, actor.subject(), amountFen, VoucherLedger.BUDGET, year, VoucherLedger.VOUCHER, id))
        .then(find(id))
        .as(transaction::transactional);
  }

  private Mono<Void> budgetRefusal(int year, long amountFen) {
    return database.sql("SELECT amount_fen - issued_fen AS remaining FROM voucher_budgets WHERE year = :year")
        .bind("year", year).map(row -> row.get("remaining", Long.class)).one()
        .flatMap(remaining -> Mono.<Void>error(VoucherProblems.conflict("voucher.budget-exceeded", year, remaining)))
        .switchIfEmpty(Mono.error(() -> VoucherProblems.conflict("voucher.no-budget", year)));
  }

  Mono<VoucherView> find(UUID id) {
    return database.sql("SELECT * FROM vouchers WHERE id = :id").bind("id", id).map(this::voucher).one();
  }

  Mono<VoucherView> view(Actor actor, UUID id) {
    return find(id).switchIfEmpty(Mono.error(VoucherProblems::notFound))
        .flatMap(voucher -> access.requireSees(actor, voucher.organisationId()).thenReturn(voucher));
  }

  /** The vouchers of one organisation (its members, ADMIN), or every voucher (ADMIN only). */
  Flux<VoucherView> list(Actor actor, UUID organisationId) {
    if (organisationId == null) {
      return actor.isAdmin()
          ? database.sql("SELECT * FROM vouchers ORDER BY id DESC LIMIT 500").map(this::voucher).all()
          : Flux.error(VoucherProblems.forbidden("voucher.not-bureau"));
    }
    return access.requireSees(actor, organisationId)
        .thenMany(database.sql("SELECT * FROM vouchers WHERE organisation_id = :id ORDER BY id DESC")
            .bind("id", organisationId).map(this::voucher).all());
  }

  private VoucherView voucher(Readable row) {
    var expires = row.get("expires_at", Instant.class);
    return new VoucherView(row.get("id", UUID.class), row.get("year", Integer.class),
        row.get("organisation_id", UUID.class), Money.cny(row.get("amount_fen", Long.class)),
        Money.cny(row.get("balance_fen", Long.class)), expires, !expires.isAfter(clock.instant()),
        row.get("issued_at", Instant.class), row.get("version", Long.class));
  }

  private static Budget budget(Readable row) {
    long amount = row.get("amount_fen", Long.class);
    long issued = row.get("issued_fen", Long.class);
    return new Budget(row.get("year", Integer.class), Money.cny(amount), Money.cny(issued), Money.cny(amount - issued),
        row.get("version", Long.class));
  }

  private static Declaration readDeclaration(Readable row) {
    return new Declaration(row.get("organisation_id", UUID.class), row.get("employees", Integer.class),
        Money.cny(row.get("annual_revenue_fen", Long.class)), Money.cny(row.get("total_assets_fen", Long.class)),
        row.get("declared_at", Instant.class));
  }
}
