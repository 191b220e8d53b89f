package org.pingliang.techmarket.marketplace.negotiation;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.listing.shared.Parameters;
import org.pingliang.techmarket.marketplace.negotiation.internal.ContractType;
import org.pingliang.techmarket.marketplace.negotiation.internal.Offer;
import org.pingliang.techmarket.marketplace.negotiation.internal.OfferStatus;
import org.pingliang.techmarket.marketplace.negotiation.internal.OfferTerms;
import org.pingliang.techmarket.marketplace.negotiation.internal.Side;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Offers in PostgreSQL; the payment schedule is JSONB (it is only ever read with its offer). */
@Component
class OfferStore {

  private static final TypeReference<List<OfferTerms.Milestone>> MILESTONES = new TypeReference<>() {};

  private final DatabaseClient database;
  private final JsonMapper json;

  OfferStore(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  Mono<Offer> find(UUID negotiationId, UUID id) {
    return database.sql("SELECT * FROM negotiation_offers WHERE id = :id AND negotiation_id = :negotiation")
        .bind("id", id).bind("negotiation", negotiationId).map(this::read).one();
  }

  Mono<Offer> open(UUID negotiationId) {
    return database.sql("SELECT * FROM negotiation_offers WHERE negotiation_id = :negotiation AND status = 'OPEN'")
        .bind("negotiation", negotiationId).map(this::read).one();
  }

  Flux<Offer> of(UUID negotiationId, Cursor after, int limit) {
    var sql = "SELECT * FROM negotiation_offers WHERE negotiation_id = :negotiation"
        + (after == null ? "" : " AND (created_at, id) < (:time, :id)")
        + " ORDER BY created_at DESC, id DESC LIMIT :limit";
    var spec = database.sql(sql).bind("negotiation", negotiationId).bind("limit", limit);
    if (after != null) {
      spec = spec.bind("time", after.time()).bind("id", after.id());
    }
    return spec.map(this::read).all();
  }

  /** Open offers past their expiry, oldest first, for the sweep. */
  Flux<UUID[]> expired(Instant now, int limit) {
    return database.sql("""
            SELECT id, negotiation_id FROM negotiation_offers WHERE status = 'OPEN' AND expires_at <= :now
            ORDER BY expires_at LIMIT :limit""")
        .bind("now", now).bind("limit", limit)
        .map(row -> new UUID[] {row.get("id", UUID.class), row.get("negotiation_id", UUID.class)}).all();
  }

  Mono<Void> insert(Offer offer) {
    var terms = offer.terms();
    return database.sql("""
            INSERT INTO negotiation_offers (id, negotiation_id, made_by_side, made_by_subject, status, price_fen, currency,
              contract_type, contract_subtype, scope, term_months, expires_at, milestones, created_at, updated_at)
            VALUES (:id, :negotiation, :side, :subject, :status, :price, :currency, :type, :subtype, :scope, :term,
              :expiresAt, :milestones, :createdAt, :createdAt)""")
        .bind("id", offer.id())
        .bind("negotiation", offer.negotiationId())
        .bind("side", offer.madeBySide().name())
        .bind("subject", offer.madeBySubject())
        .bind("status", offer.status().name())
        .bind("price", terms.price().amountFen())
        .bind("currency", terms.price().currency())
        .bind("type", terms.contractType().name())
        .bind("subtype", Parameters.nullable(terms.contractSubtype(), String.class))
        .bind("scope", terms.scope())
        .bind("term", terms.termMonths())
        .bind("expiresAt", terms.expiresAt())
        .bind("milestones", Json.of(json.writeValueAsString(terms.milestones())))
        .bind("createdAt", offer.createdAt())
        .then();
  }

  /** Moves an offer out of OPEN; false when it was no longer open (the caller holds the room's lock). */
  Mono<Boolean> decide(Offer decided) {
    return database.sql("""
            UPDATE negotiation_offers SET status = :status, decided_by = :decidedBy, decided_at = :decidedAt,
              updated_at = :decidedAt
            WHERE id = :id AND status = 'OPEN'""")
        .bind("id", decided.id())
        .bind("status", decided.status().name())
        .bind("decidedBy", Parameters.nullable(decided.decidedBy(), String.class))
        .bind("decidedAt", decided.decidedAt())
        .fetch().rowsUpdated().map(rows -> rows == 1);
  }

  private Offer read(Readable row) {
    var terms = new OfferTerms(
        new Money(row.get("price_fen", Long.class), row.get("currency", String.class).strip()),
        json.readValue(row.get("milestones", Json.class).asString(), MILESTONES),
        ContractType.valueOf(row.get("contract_type", String.class)),
        row.get("contract_subtype", String.class),
        row.get("scope", String.class),
        row.get("term_months", Integer.class),
        row.get("expires_at", Instant.class));
    return new Offer(
        row.get("id", UUID.class),
        row.get("negotiation_id", UUID.class),
        Side.valueOf(row.get("made_by_side", String.class)),
        row.get("made_by_subject", String.class),
        OfferStatus.valueOf(row.get("status", String.class)),
        terms,
        row.get("decided_by", String.class),
        row.get("decided_at", Instant.class),
        row.get("created_at", Instant.class));
  }
}
