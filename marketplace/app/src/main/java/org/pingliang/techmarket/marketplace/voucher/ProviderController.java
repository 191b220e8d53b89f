package org.pingliang.techmarket.marketplace.voucher;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.MoneyForm;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Voucher service providers, their technology services, service orders and reimbursement claims. */
@RestController
@Tag(name = "voucher providers", description = "创新券服务机构 — providers, services, reimbursement")
class ProviderController {

  private final ProviderServices providers;
  private final Reimbursements reimbursements;

  ProviderController(ProviderServices providers, Reimbursements reimbursements) {
    this.providers = providers;
    this.reimbursements = reimbursements;
  }

  record ProviderForm(@NotNull UUID organisationId) {}

  record ServiceForm(@NotNull UUID providerOrganisationId, @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = 5000) String description, @NotNull @Valid MoneyForm price) {}

  record OrderForm(@NotNull UUID buyerOrganisationId) {}

  record ClaimForm(@NotNull UUID providerOrganisationId) {}

  record RejectionForm(@NotBlank @Size(max = 1000) String reason) {}

  @PostMapping("/api/voucher-providers")
  @Operation(summary = "Register a verified service provider, university or research institute as a voucher provider (201 new, 200 existing). Roles: ADMIN. Errors: 401, 403, 409, 422.")
  Mono<ResponseEntity<ProviderServices.Provider>> register(Actor actor, @Valid @RequestBody ProviderForm form) {
    return providers.register(actor, form.organisationId())
        .map(result -> VoucherController.createdOrOk(result.created(), URI.create("/api/voucher-providers"),
            result.provider()));
  }

  @GetMapping("/api/voucher-providers")
  @Operation(summary = "The registered voucher providers. Roles: anyone.")
  Flux<ProviderServices.Provider> providers() {
    return providers.providers();
  }

  @PostMapping("/api/provider-services")
  @Operation(summary = "Publish a technology service with its price. Roles: UNIVERSITY, ENTERPRISE, BROKER, COMMISSIONER (OWNER or EDITOR of a registered provider). Errors: 401, 403, 404, 409, 422.")
  Mono<ResponseEntity<ProviderServices.Service>> publish(Actor actor, @Valid @RequestBody ServiceForm form) {
    if (form.price().amountFen() <= 0) {
      return Mono.error(VoucherProblems.invalid("price.amountFen", "positive"));
    }
    return providers.publish(actor, form.providerOrganisationId(), form.title(), form.description(),
            form.price().amountFen())
        .map(service -> ResponseEntity.created(URI.create("/api/provider-services/" + service.id())).body(service));
  }

  @GetMapping("/api/provider-services")
  @Operation(summary = "Published technology services, optionally of one provider. Roles: anyone.")
  Flux<ProviderServices.Service> services(@RequestParam(required = false) UUID providerOrganisationId) {
    return providers.services(providerOrganisationId);
  }

  @GetMapping("/api/provider-services/{id}")
  @Operation(summary = "One technology service. Roles: anyone. Errors: 404.")
  Mono<ProviderServices.Service> service(@PathVariable UUID id) {
    return providers.service(id).switchIfEmpty(Mono.error(VoucherProblems::notFound));
  }

  @PostMapping("/api/provider-services/{id}/orders")
  @Operation(summary = "Buy the service for an organisation: a service order and its checkout order (orderId → /api/orders/{orderId}). Roles: ENTERPRISE, UNIVERSITY (OWNER or EDITOR of the buyer). Errors: 401, 403 (not the buyer's, banned), 404, 409, 422.")
  Mono<ResponseEntity<ProviderServices.ServiceOrder>> order(Actor actor, @PathVariable UUID id,
      @Valid @RequestBody OrderForm form) {
    return providers.order(actor, id, form.buyerOrganisationId())
        .map(order -> ResponseEntity.created(URI.create("/api/service-orders/" + order.id())).body(order));
  }

  @GetMapping("/api/service-orders")
  @Operation(summary = "The service orders an organisation bought or sells. Roles: members of the organisation, ADMIN (404 otherwise). Errors: 401, 404.")
  Flux<ProviderServices.ServiceOrder> serviceOrders(Actor actor, @RequestParam UUID organisationId) {
    return providers.serviceOrders(actor, organisationId);
  }

  @GetMapping("/api/service-orders/{id}")
  @Operation(summary = "One service order. Roles: members of buyer or provider, ADMIN (404 otherwise). Errors: 401, 404.")
  Mono<ProviderServices.ServiceOrder> serviceOrder(Actor actor, @PathVariable UUID id) {
    return providers.serviceOrder(actor, id);
  }

  @PostMapping("/api/service-orders/{id}/delivery")
  @Operation(summary = "The provider delivered the paid service (PAID → DELIVERED). Roles: OWNER or EDITOR of the provider. Errors: 401, 403, 404, 409.")
  Mono<ProviderServices.ServiceOrder> deliver(Actor actor, @PathVariable UUID id) {
    return providers.deliver(actor, id);
  }

  @PostMapping("/api/service-orders/{id}/confirmation")
  @Operation(summary = "The buyer confirms the delivery (DELIVERED → CONFIRMED); the engagement becomes ratable. Roles: OWNER or EDITOR of the buyer. Errors: 401, 403, 404, 409.")
  Mono<ProviderServices.ServiceOrder> confirm(Actor actor, @PathVariable UUID id) {
    return providers.confirm(actor, id);
  }

  @PostMapping("/api/service-orders/{id}/cancellation")
  @Operation(summary = "The buyer cancels before payment; any voucher part returns to its voucher. Roles: OWNER or EDITOR of the buyer. Errors: 401, 403, 404, 409.")
  Mono<ProviderServices.ServiceOrder> cancel(Actor actor, @PathVariable UUID id) {
    return providers.cancel(actor, id);
  }

  @PostMapping("/api/reimbursement-claims")
  @Operation(summary = "Claim reimbursement (兑付) of the voucher parts of the provider's delivered, unclaimed orders. Roles: OWNER or EDITOR of a registered provider. Errors: 401, 403, 404, 409 (nothing to claim), 422.")
  Mono<ResponseEntity<Reimbursements.Claim>> claim(Actor actor, @Valid @RequestBody ClaimForm form) {
    return reimbursements.claim(actor, form.providerOrganisationId())
        .map(claim -> ResponseEntity.created(URI.create("/api/reimbursement-claims/" + claim.id())).body(claim));
  }

  @GetMapping("/api/reimbursement-claims")
  @Operation(summary = "Claims of a provider (members, ADMIN) or every claim (ADMIN), optionally by status. Roles: as said. Errors: 401, 403, 404.")
  Flux<Reimbursements.Claim> claims(Actor actor, @RequestParam(required = false) UUID providerOrganisationId,
      @RequestParam(required = false) @Pattern(regexp = "SUBMITTED|APPROVED|REJECTED") String status) {
    if (status != null && !status.matches("SUBMITTED|APPROVED|REJECTED")) {
      return Flux.error(VoucherProblems.invalid("status", "invalid-value"));
    }
    return reimbursements.list(actor, providerOrganisationId, status);
  }

  @GetMapping("/api/reimbursement-claims/{id}")
  @Operation(summary = "One claim with its orders. Roles: members of the provider, ADMIN (404 otherwise). Errors: 401, 404.")
  Mono<Reimbursements.Claim> claim(Actor actor, @PathVariable UUID id) {
    return reimbursements.view(actor, id);
  }

  @PostMapping("/api/reimbursement-claims/{id}/approval")
  @Operation(summary = "The bureau approves the claim; the ledger moves it from payable to reimbursed. Roles: ADMIN. Errors: 401, 403, 404, 409.")
  Mono<Reimbursements.Claim> approve(Actor actor, @PathVariable UUID id) {
    return reimbursements.approve(actor, id);
  }

  @PostMapping("/api/reimbursement-claims/{id}/rejection")
  @Operation(summary = "The bureau rejects the claim with a reason; its orders may be claimed again. Roles: ADMIN. Errors: 401, 403, 404, 409, 422.")
  Mono<Reimbursements.Claim> reject(Actor actor, @PathVariable UUID id, @Valid @RequestBody RejectionForm form) {
    return reimbursements.reject(actor, id, form.reason().strip());
  }
}
