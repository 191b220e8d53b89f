package org.pingliang.techmarket.marketplace.voucher;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.MoneyForm;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 创新券: the bureau's budget and vouchers, small-enterprise declarations, the ledger check, statistics. */
@RestController
@Tag(name = "vouchers", description = "创新券 — innovation vouchers")
class VoucherController {

  private final IssuingVouchers vouchers;
  private final VoucherLedger ledger;
  private final VoucherStatistics statistics;

  VoucherController(IssuingVouchers vouchers, VoucherLedger ledger, VoucherStatistics statistics) {
    this.vouchers = vouchers;
    this.ledger = ledger;
    this.statistics = statistics;
  }

  record BudgetForm(@NotNull @Valid MoneyForm amount) {}

  record DeclarationForm(@NotNull @Min(0) @Max(10_000_000) Integer employees, @NotNull @Valid MoneyForm annualRevenue,
      @NotNull @Valid MoneyForm totalAssets) {}

  record VoucherForm(@NotNull UUID organisationId, @NotNull @Min(2000) @Max(2100) Integer year,
      @NotNull @Valid MoneyForm amount, @NotNull LocalDate expiresOn) {}

  @PutMapping("/api/voucher-budgets/{year}")
  @Operation(summary = "Set the year's voucher budget (never below what is issued). Roles: ADMIN. Errors: 401, 403, 409, 422.")
  Mono<IssuingVouchers.Budget> setBudget(Actor actor, @PathVariable int year, @Valid @RequestBody BudgetForm form) {
    return vouchers.setBudget(actor, year, form.amount().amountFen());
  }

  @GetMapping("/api/voucher-budgets")
  @Operation(summary = "Every yearly budget with issued and remaining amounts. Roles: ADMIN. Errors: 401, 403.")
  Flux<IssuingVouchers.Budget> budgets() {
    return vouchers.budgets();
  }

  @PutMapping("/api/organisations/{id}/small-enterprise-declaration")
  @Operation(summary = "The enterprise declares its size (中小企业声明): employees, annual revenue, total assets. Roles: ENTERPRISE (OWNER or EDITOR). Errors: 401, 403, 404, 409, 422.")
  Mono<IssuingVouchers.Declaration> declare(Actor actor, @PathVariable UUID id, @Valid @RequestBody DeclarationForm form) {
    return vouchers.declare(actor, id, form.employees(), form.annualRevenue().amountFen(),
        form.totalAssets().amountFen());
  }

  @GetMapping("/api/organisations/{id}/small-enterprise-declaration")
  @Operation(summary = "The enterprise's declaration. Roles: members of the organisation, ADMIN (404 otherwise). Errors: 401, 403, 404.")
  Mono<IssuingVouchers.Declaration> declaration(Actor actor, @PathVariable UUID id) {
    return vouchers.declaration(actor, id);
  }

  @GetMapping("/api/organisations/{id}/voucher-eligibility")
  @Operation(summary = "Whether the organisation may receive vouchers and, if not, why (NOT_AN_ENTERPRISE, NOT_VERIFIED, NO_DECLARATION, NOT_SMALL, TRADING_BANNED). Roles: members, ADMIN (404 otherwise). Errors: 401, 403, 404.")
  Mono<IssuingVouchers.Eligibility> eligibility(Actor actor, @PathVariable UUID id) {
    return vouchers.eligibility(actor, id);
  }

  @PostMapping("/api/vouchers")
  @Operation(summary = "Issue a voucher to an eligible enterprise within the year's budget (concurrency-safe). Roles: ADMIN. Errors: 401, 403, 409 (not eligible, no budget, budget exceeded), 422.")
  Mono<ResponseEntity<IssuingVouchers.VoucherView>> issue(Actor actor, @Valid @RequestBody VoucherForm form) {
    return vouchers.issue(actor, form.organisationId(), form.year(), form.amount().amountFen(), form.expiresOn())
        .map(voucher -> ResponseEntity.created(URI.create("/api/vouchers/" + voucher.id())).body(voucher));
  }

  @GetMapping("/api/vouchers")
  @Operation(summary = "The vouchers of an organisation (organisationId), or every voucher (ADMIN without organisationId). Roles: members of the organisation, ADMIN. Errors: 401, 403, 404.")
  Flux<IssuingVouchers.VoucherView> list(Actor actor, @RequestParam(required = false) UUID organisationId) {
    return vouchers.list(actor, organisationId);
  }

  @GetMapping("/api/vouchers/{id}")
  @Operation(summary = "One voucher with its balance and expiry. Roles: members of the holder, ADMIN (404 otherwise). Errors: 401, 403, 404.")
  Mono<IssuingVouchers.VoucherView> get(Actor actor, @PathVariable UUID id) {
    return vouchers.view(actor, id);
  }

  @GetMapping("/api/voucher-ledger/balance")
  @Operation(summary = "Proves the voucher ledger: every transaction sums to zero and each account family equals the records it mirrors (budgets issued, voucher balances, open orders, provider payables, reimbursements). Roles: ADMIN. Errors: 401, 403.")
  Mono<VoucherLedger.LedgerBalance> balance() {
    return ledger.balance();
  }

  @GetMapping("/api/voucher-statistics")
  @Operation(summary = "Public voucher statistics of a year (default: this year): budget, issued, redeemed, reimbursed, budget use, by county and by month. Roles: anyone. Errors: 422.")
  Mono<VoucherStatistics.Statistics> statistics(@RequestParam(required = false) Integer year) {
    var which = year == null ? ZonedDateTime.now(IssuingVouchers.CHINA).getYear() : year;
    if (which < 2000 || which > 2100) {
      return Mono.error(VoucherProblems.invalid("year", "invalid-value"));
    }
    return statistics.of(which);
  }

  static <T> ResponseEntity<T> createdOrOk(boolean created, URI location, T body) {
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(location).body(body);
  }
}
