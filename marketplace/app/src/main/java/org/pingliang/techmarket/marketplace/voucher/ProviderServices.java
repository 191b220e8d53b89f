package org.pingliang.techmarket.marketplace.voucher;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.checkout.Checkout;
import org.pingliang.techmarket.marketplace.checkout.CheckoutHooks;
import org.pingliang.techmarket.marketplace.credit.Engagements;
import org.pingliang.techmarket.marketplace.credit.TradingBans;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.organisation.OrganisationKind;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registered voucher service providers (服务机构) and their technology services, sold through checkout
 * with purpose {@code SERVICE}: ORDERED → PAID (checkout) → DELIVERED (provider) → CONFIRMED (buyer;
 * a finished SERVICE engagement for credit), or CANCELLED before payment (voucher part returned).
 */
@Component
class ProviderServices implements CheckoutHooks {

  static final String PURPOSE = "SERVICE";
  private static final List<OrganisationKind> PROVIDER_KINDS = List.of(OrganisationKind.SERVICE_PROVIDER,
      OrganisationKind.UNIVERSITY, OrganisationKind.RESEARCH_INSTITUTE);

  private final DatabaseClient database;
  private final Organisations organisations;
  private final VoucherAccess access;
  private final Checkout checkout;
  private final Engagements engagements;
  private final TradingBans bans;
  private final TransactionalOperator transaction;
  private final Clock clock;

  ProviderServices(DatabaseClient database, Organisations organisations, VoucherAccess access, Checkout checkout,
      Engagements engagements, TradingBans bans, TransactionalOperator transaction, Clock clock) {
    this.database = database;
    this.organisations = organisations;
    this.access = access;
    this.checkout = checkout;
    this.engagements = engagements;
    this.bans = bans;
    this.transaction = transaction;
    this.clock = clock;
  }

  record Provider(UUID organisationId, String name, String kind, String regionCode, Instant registeredAt) {}

  record Service(UUID id, UUID providerOrganisationId, String providerName, String title, String description,
      Money price, String status, Instant createdAt, long version) {}

  record ServiceOrder(UUID id, UUID serviceId, String serviceTitle, UUID providerOrganisationId,
      UUID buyerOrganisationId, Money price, String status, UUID orderId, Instant createdAt, long version) {}

  // --- providers

  /** The bureau registers a verified service provider, university or research institute; 201 once, then 200. */
  Mono<RegisterResult> register(Actor actor, UUID organisationId) {
    return organisations.find(organisationId)
        .switchIfEmpty(Mono.error(() -> VoucherProblems.invalid("organisationId", "invalid-value")))
        .flatMap(organisation -> {
          if (!PROVIDER_KINDS.contains(organisation.kind())) {
            return Mono.error(VoucherProblems.conflict("voucher.not-a-provider-kind", organisation.kind().name()));
          }
          if (!organisation.isVerified()) {
            return Mono.error(VoucherProblems.conflict("voucher.not-verified"));
          }
          return database.sql("""
                  INSERT INTO voucher_providers (organisation_id, registered_by, registered_at) VALUES (:id, :by, :now)
                  ON CONFLICT (organisation_id) DO NOTHING""")
              .bind("id", organisationId).bind("by", actor.subject()).bind("now", clock.instant())
              .fetch().rowsUpdated()
              .flatMap(rows -> provider(organisationId).map(provider -> new RegisterResult(provider, rows == 1)));
        });
  }

  record RegisterResult(Provider provider, boolean created) {}

  Flux<Provider> providers() {
    return database.sql("SELECT organisation_id FROM voucher_providers ORDER BY registered_at, organisation_id")
        .map(row -> row.get("organisation_id", UUID.class)).all()
        .concatMap(this::provider);
  }

  private Mono<Provider> provider(UUID organisationId) {
    return database.sql("SELECT registered_at FROM voucher_providers WHERE organisation_id = :id")
        .bind("id", organisationId).map(row -> row.get("registered_at", Instant.class)).one()
        .zipWith(organisations.find(organisationId))
        .map(both -> new Provider(organisationId, both.getT2().name(), both.getT2().kind().name(),
            both.getT2().regionCode().value(), both.getT1()));
  }

  // --- services

  Mono<Service> publish(Actor actor, UUID providerId, String title, String description, long priceFen) {
    return provider(providerId)
        .switchIfEmpty(Mono.error(() -> VoucherProblems.conflict("voucher.not-a-provider")))
        .flatMap(provider -> access.requireActsFor(actor, providerId, "voucher.not-provider-member"))
        .then(Mono.defer(() -> {
          var id = Ids.newId();
          var now = clock.instant();
          return database.sql("""
                  INSERT INTO provider_services (id, provider_organisation_id, title, description, price_fen, status,
                    created_by, created_at, updated_at)
                  VALUES (:id, :provider, :title, :description, :price, 'PUBLISHED', :by, :now, :now)""")
              .bind("id", id).bind("provider", providerId).bind("title", title.strip())
              .bind("description", description).bind("price", priceFen).bind("by", actor.subject()).bind("now", now)
              .fetch().rowsUpdated().then(service(id));
        }));
  }

  Mono<Service> service(UUID id) {
    return database.sql("SELECT * FROM provider_services WHERE id = :id").bind("id", id).map(this::readService).one()
        .flatMap(this::named);
  }

  Flux<Service> services(UUID providerId) {
    var sql = "SELECT * FROM provider_services WHERE status = 'PUBLISHED'"
        + (providerId == null ? "" : " AND provider_organisation_id = :provider") + " ORDER BY id DESC LIMIT 200";
    var spec = database.sql(sql);
    if (providerId != null) {
      spec = spec.bind("provider", providerId);
    }
    return spec.map(this::readService).all().concatMap(this::named);
  }

  private Mono<Service> named(Service service) {
    return organisations.find(service.providerOrganisationId())
        .map(organisation -> new Service(service.id(), service.providerOrganisationId(), organisation.name(),
            service.title(), service.description(), service.price(), service.status(), service.createdAt(),
            service.version()))
        .defaultIfEmpty(service);
  }

  // --- service orders

  /** An OWNER/EDITOR of the buyer orders the service: the service order and its checkout order, together. */
  Mono<ServiceOrder> order(Actor actor, UUID serviceId, UUID buyerId) {
    return service(serviceId)
        .filter(service -> "PUBLISHED".equals(service.status()))
        .switchIfEmpty(Mono.error(VoucherProblems::notFound))
        .flatMap(service -> access.requireActsFor(actor, buyerId, "voucher.not-buyer")
            .then(bans.requireOrganisationAllowed(buyerId))
            .then(bans.requireOrganisationAllowed(service.providerOrganisationId()))
            .then(Mono.defer(() -> {
              if (buyerId.equals(service.providerOrganisationId())) {
                return Mono.error(VoucherProblems.conflict("voucher.order-own-organisation"));
              }
              var id = Ids.newId();
              var now = clock.instant();
              return database.sql("""
                      INSERT INTO service_orders (id, service_id, provider_organisation_id, buyer_organisation_id,
                        price_fen, status, ordered_by, created_at, updated_at)
                      VALUES (:id, :service, :provider, :buyer, :price, 'ORDERED', :by, :now, :now)""")
                  .bind("id", id).bind("service", serviceId).bind("provider", service.providerOrganisationId())
                  .bind("buyer", buyerId).bind("price", service.price().amountFen()).bind("by", actor.subject())
                  .bind("now", now).fetch().rowsUpdated()
                  .then(checkout.open(new Checkout.OrderRequest(PURPOSE, id, buyerId, service.providerOrganisationId(),
                      service.price(), service.title(), actor.subject())))
                  .flatMap(order -> database.sql("UPDATE service_orders SET order_id = :order WHERE id = :id")
                      .bind("order", order.orderId()).bind("id", id).fetch().rowsUpdated())
                  .then(serviceOrder(id));
            })))
        .as(transaction::transactional);
  }

  Mono<ServiceOrder> serviceOrder(Actor actor, UUID id) {
    return serviceOrder(id).switchIfEmpty(Mono.error(VoucherProblems::notFound))
        .flatMap(order -> access.requireSees(actor, order.buyerOrganisationId(), order.providerOrganisationId())
            .thenReturn(order));
  }

  Flux<ServiceOrder> serviceOrders(Actor actor, UUID organisationId) {
    return access.requireSees(actor, organisationId).thenMany(database.sql("""
            SELECT o.*, s.title FROM service_orders o JOIN provider_services s ON s.id = o.service_id
            WHERE o.buyer_organisation_id = :org OR o.provider_organisation_id = :org ORDER BY o.id DESC LIMIT 200""")
        .bind("org", organisationId).map(ProviderServices::readServiceOrder).all());
  }

  /** The provider delivered: PAID → DELIVERED. */
  Mono<ServiceOrder> deliver(Actor actor, UUID id) {
    return lockOrder(id)
        .flatMap(order -> access.requireActsFor(actor, order.providerOrganisationId(), "voucher.not-provider-member",
                order.buyerOrganisationId())
            .then(move(order, "PAID", "DELIVERED")))
        .as(transaction::transactional);
  }

  /** The buyer confirms the delivery: DELIVERED → CONFIRMED, a finished SERVICE engagement. */
  Mono<ServiceOrder> confirm(Actor actor, UUID id) {
    return lockOrder(id)
        .flatMap(order -> access.requireActsFor(actor, order.buyerOrganisationId(), "voucher.not-buyer",
                order.providerOrganisationId())
            .then(move(order, "DELIVERED", "CONFIRMED"))
            .flatMap(confirmed -> engagements.completed(new Engagements.Engagement(PURPOSE, id, List.of(
                    new Engagements.Party("PROVIDER", order.providerOrganisationId(), null),
                    new Engagements.Party("BUYER", order.buyerOrganisationId(), null)), clock.instant()))
                .thenReturn(confirmed)))
        .as(transaction::transactional);
  }

  /** The buyer cancels before payment: the checkout order is cancelled and its voucher part returned. */
  Mono<ServiceOrder> cancel(Actor actor, UUID id) {
    return lockOrder(id)
        .flatMap(order -> access.requireActsFor(actor, order.buyerOrganisationId(), "voucher.not-buyer",
                order.providerOrganisationId())
            .then(move(order, "ORDERED", "CANCELLED"))
            .flatMap(cancelled -> checkout.cancel(PURPOSE, id, "cancelled by the buyer").thenReturn(cancelled))
            .then(serviceOrder(id)))
        .as(transaction::transactional);
  }

  private Mono<ServiceOrder> lockOrder(UUID id) {
    return database.sql("SELECT id FROM service_orders WHERE id = :id FOR UPDATE").bind("id", id)
        .map(row -> row.get("id", UUID.class)).one()
        .switchIfEmpty(Mono.error(VoucherProblems::notFound))
        .then(serviceOrder(id));
  }

  private Mono<ServiceOrder> move(ServiceOrder order, String from, String to) {
    if (!from.equals(order.status())) {
      return Mono.error(VoucherProblems.conflict("voucher.service-order-state", order.status()));
    }
    return database.sql("""
            UPDATE service_orders SET status = :to, updated_at = :now, version = version + 1 WHERE id = :id AND status = :from""")
        .bind("to", to).bind("from", from).bind("id", order.id()).bind("now", clock.instant())
        .fetch().rowsUpdated().then(serviceOrder(order.id()));
  }

  private Mono<ServiceOrder> serviceOrder(UUID id) {
    return database.sql("""
            SELECT o.*, s.title FROM service_orders o JOIN provider_services s ON s.id = o.service_id WHERE o.id = :id""")
        .bind("id", id).map(ProviderServices::readServiceOrder).one();
  }

  // --- CheckoutHooks (inside checkout's transaction)

  @Override
  public String purpose() {
    return PURPOSE;
  }

  @Override
  public Mono<Void> paid(UUID referenceId, UUID orderId) {
    return database.sql("""
            UPDATE service_orders SET status = 'PAID', updated_at = :now, version = version + 1
            WHERE id = :id AND status = 'ORDERED'""")
        .bind("id", referenceId).bind("now", clock.instant()).fetch().rowsUpdated().then();
  }

  @Override
  public Mono<Void> cancelled(UUID referenceId, UUID orderId) {
    return database.sql("""
            UPDATE service_orders SET status = 'CANCELLED', updated_at = :now, version = version + 1
            WHERE id = :id AND status = 'ORDERED'""")
        .bind("id", referenceId).bind("now", clock.instant()).fetch().rowsUpdated().then();
  }

  private Service readService(Readable row) {
    return new Service(row.get("id", UUID.class), row.get("provider_organisation_id", UUID.class), null,
        row.get("title", String.class), row.get("description", String.class),
        Money.cny(row.get("price_fen", Long.class)), row.get("status", String.class),
        row.get("created_at", Instant.class), row.get("version", Long.class));
  }

  private static ServiceOrder readServiceOrder(Readable row) {
    return new ServiceOrder(row.get("id", UUID.class), row.get("service_id", UUID.class),
        row.get("title", String.class), row.get("provider_organisation_id", UUID.class),
        row.get("buyer_organisation_id", UUID.class), Money.cny(row.get("price_fen", Long.class)),
        row.get("status", String.class), row.get("order_id", UUID.class), row.get("created_at", Instant.class),
        row.get("version", Long.class));
  }
}
