package org.pingliang.techmarket.marketplace.negotiation;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Parameters;
import org.pingliang.techmarket.marketplace.negotiation.internal.NegotiationStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Negotiation rooms in PostgreSQL. */
@Component
class NegotiationStore {

  private final DatabaseClient database;

  NegotiationStore(DatabaseClient database) {
    this.database = database;
  }

  Mono<Negotiation> find(UUID id) {
    return database.sql("SELECT * FROM negotiations WHERE id = :id").bind("id", id).map(NegotiationStore::read).one();
  }

  /** The row, locked until the transaction ends: every change of a room goes through here. */
  Mono<Negotiation> lock(UUID id) {
    return database.sql("SELECT * FROM negotiations WHERE id = :id FOR UPDATE").bind("id", id)
        .map(NegotiationStore::read).one();
  }

  Mono<Negotiation> findOpen(UUID listingId, UUID inquirerOrganisationId) {
    return database.sql("""
            SELECT * FROM negotiations WHERE listing_id = :listing AND inquirer_organisation_id = :inquirer
              AND status = 'OPEN'""")
        .bind("listing", listingId).bind("inquirer", inquirerOrganisationId)
        .map(NegotiationStore::read).one();
  }

  /**
   * Inserts a room unless the inquirer already has an open one on the listing; true when inserted.
   * The partial unique index decides, so two inquiries at once still make one room.
   */
  Mono<Boolean> insert(Negotiation n) {
    return bindAll(database.sql("""
            INSERT INTO negotiations (id, listing_type, listing_id, listing_title, holder_organisation_id,
              inquirer_organisation_id, seller_organisation_id, buyer_organisation_id, status, opened_by, proposal_id,
              nda_required_by, nda_required_at, nda_acknowledged_by, nda_acknowledged_at, broker_organisation_id,
              broker_subject, commission_basis_points, commission_agreed_by_seller, commission_agreed_by_buyer,
              accepted_offer_id, contract_id, created_at, updated_at, version)
            VALUES (:id, :listingType, :listingId, :listingTitle, :holder, :inquirer, :seller, :buyer, :status, :openedBy,
              :proposalId, :ndaRequiredBy, :ndaRequiredAt, :ndaAcknowledgedBy, :ndaAcknowledgedAt, :brokerOrganisation,
              :brokerSubject, :commission, :agreedBySeller, :agreedByBuyer, :acceptedOffer, :contract, :createdAt,
              :updatedAt, :version)
            ON CONFLICT (listing_id, inquirer_organisation_id) WHERE status = 'OPEN' DO NOTHING"""), n)
        .bind("listingType", n.listingType().name())
        .bind("listingId", n.listingId())
        .bind("listingTitle", n.listingTitle())
        .bind("holder", n.holderOrganisationId())
        .bind("inquirer", n.inquirerOrganisationId())
        .bind("seller", n.sellerOrganisationId())
        .bind("buyer", n.buyerOrganisationId())
        .bind("openedBy", n.openedBy())
        .bind("proposalId", Parameters.nullable(n.proposalId(), UUID.class))
        .bind("createdAt", n.createdAt())
        .fetch().rowsUpdated().map(rows -> rows == 1);
  }

  /** Writes the mutable fields of a room locked in this transaction; the version must be the next one. */
  Mono<Void> update(Negotiation n) {
    return bindAll(database.sql("""
            UPDATE negotiations SET status = :status, nda_required_by = :ndaRequiredBy, nda_required_at = :ndaRequiredAt,
              nda_acknowledged_by = :ndaAcknowledgedBy, nda_acknowledged_at = :ndaAcknowledgedAt,
              broker_organisation_id = :brokerOrganisation, broker_subject = :brokerSubject,
              commission_basis_points = :commission, commission_agreed_by_seller = :agreedBySeller,
              commission_agreed_by_buyer = :agreedByBuyer, accepted_offer_id = :acceptedOffer, contract_id = :contract,
              updated_at = :updatedAt, version = :version
            WHERE id = :id AND version = :version - 1"""), n)
        .fetch().rowsUpdated()
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty()
            : Mono.error(new IllegalStateException("negotiation " + n.id() + " changed under a row lock")));
  }

  /** Rooms of these organisations, or where the subject is the broker, newest first. */
  Flux<Negotiation> involving(Collection<UUID> organisations, String subject, NegotiationStatus status, Cursor after,
      int limit) {
    var sql = "SELECT * FROM negotiations WHERE (seller_organisation_id = ANY(CAST(:orgs AS uuid[]))"
        + " OR buyer_organisation_id = ANY(CAST(:orgs AS uuid[])) OR broker_subject = :subject)"
        + (status == null ? "" : " AND status = :status")
        + (after == null ? "" : " AND (created_at, id) < (:time, :id)")
        + " ORDER BY created_at DESC, id DESC LIMIT :limit";
    var spec = database.sql(sql)
        .bind("orgs", organisations.stream().map(UUID::toString).toArray(String[]::new))
        .bind("subject", subject)
        .bind("limit", limit);
    if (status != null) {
      spec = spec.bind("status", status.name());
    }
    if (after != null) {
      spec = spec.bind("time", after.time()).bind("id", after.id());
    }
    return spec.map(NegotiationStore::read).all();
  }

  private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec, Negotiation n) {
    var broker = n.broker();
    return spec
        .bind("id", n.id())
        .bind("status", n.status().name())
        .bind("ndaRequiredBy", Parameters.nullable(n.ndaRequiredBy(), String.class))
        .bind("ndaRequiredAt", Parameters.nullable(n.ndaRequiredAt(), Instant.class))
        .bind("ndaAcknowledgedBy", Parameters.nullable(n.ndaAcknowledgedBy(), String.class))
        .bind("ndaAcknowledgedAt", Parameters.nullable(n.ndaAcknowledgedAt(), Instant.class))
        .bind("brokerOrganisation", Parameters.nullable(broker == null ? null : broker.organisationId(), UUID.class))
        .bind("brokerSubject", Parameters.nullable(broker == null ? null : broker.subject(), String.class))
        .bind("commission", Parameters.nullable(broker == null ? null : broker.commissionBasisPoints(), Integer.class))
        .bind("agreedBySeller", Parameters.nullable(broker == null ? null : broker.agreedBySeller(), String.class))
        .bind("agreedByBuyer", Parameters.nullable(broker == null ? null : broker.agreedByBuyer(), String.class))
        .bind("acceptedOffer", Parameters.nullable(n.acceptedOfferId(), UUID.class))
        .bind("contract", Parameters.nullable(n.contractId(), UUID.class))
        .bind("updatedAt", n.updatedAt())
        .bind("version", n.version());
  }

  private static Negotiation read(Readable row) {
    var brokerSubject = row.get("broker_subject", String.class);
    var broker = brokerSubject == null ? null : new Negotiation.Broker(row.get("broker_organisation_id", UUID.class),
        brokerSubject, row.get("commission_basis_points", Integer.class), row.get("commission_agreed_by_seller", String.class),
        row.get("commission_agreed_by_buyer", String.class));
    return new Negotiation(
        row.get("id", UUID.class),
        Negotiation.ListingType.valueOf(row.get("listing_type", String.class)),
        row.get("listing_id", UUID.class),
        row.get("listing_title", String.class),
        row.get("holder_organisation_id", UUID.class),
        row.get("inquirer_organisation_id", UUID.class),
        row.get("seller_organisation_id", UUID.class),
        row.get("buyer_organisation_id", UUID.class),
        NegotiationStatus.valueOf(row.get("status", String.class)),
        row.get("opened_by", String.class),
        row.get("proposal_id", UUID.class),
        row.get("nda_required_by", String.class),
        row.get("nda_required_at", Instant.class),
        row.get("nda_acknowledged_by", String.class),
        row.get("nda_acknowledged_at", Instant.class),
        broker,
        row.get("accepted_offer_id", UUID.class),
        row.get("contract_id", UUID.class),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class),
        row.get("version", Long.class));
  }
}
