package org.pingliang.techmarket.marketplace.negotiation;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Parameters;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Broker invitations and broker proposals in PostgreSQL. */
@Component
class BrokerStore {

  /** A party's invitation of a broker into a room; who agreed to the commission for each party. */
  record Invitation(UUID id, UUID negotiationId, UUID brokerOrganisationId, String brokerSubject,
      int commissionBasisPoints, String invitedBy, String agreedBySeller, String agreedByBuyer, Instant acceptedByBrokerAt,
      String status, Instant createdAt, Instant updatedAt) {

    boolean ready() {
      return agreedBySeller != null && agreedByBuyer != null && acceptedByBrokerAt != null;
    }

    Invitation with(String seller, String buyer, Instant brokerAt, String nextStatus, Instant now) {
      return new Invitation(id, negotiationId, brokerOrganisationId, brokerSubject, commissionBasisPoints, invitedBy,
          seller, buyer, brokerAt, nextStatus, createdAt, now);
    }
  }

  /** A broker's proposal to match a demand with an achievement; who accepted for each holder. */
  record Proposal(UUID id, UUID brokerOrganisationId, String brokerSubject, UUID demandId, UUID demandOrganisationId,
      UUID achievementId, UUID achievementOrganisationId, String achievementTitle, String note,
      int commissionBasisPoints, String acceptedByDemandHolder, String acceptedByAchievementHolder, String status,
      String declinedBy, UUID negotiationId, Instant createdAt, Instant updatedAt, long version) {

    Proposal with(String demandHolder, String achievementHolder, String nextStatus, String decliner, UUID room,
        Instant now) {
      return new Proposal(id, brokerOrganisationId, brokerSubject, demandId, demandOrganisationId, achievementId,
          achievementOrganisationId, achievementTitle, note, commissionBasisPoints, demandHolder, achievementHolder,
          nextStatus, decliner, room, createdAt, now, version + 1);
    }
  }

  private final DatabaseClient database;

  BrokerStore(DatabaseClient database) {
    this.database = database;
  }

  Mono<Void> insert(Invitation i) {
    return database.sql("""
            INSERT INTO broker_invitations (id, negotiation_id, broker_organisation_id, broker_subject,
              commission_basis_points, invited_by_subject, agreed_by_seller, agreed_by_buyer, status, created_at, updated_at)
            VALUES (:id, :negotiation, :organisation, :subject, :commission, :invitedBy, :seller, :buyer, :status,
              :createdAt, :createdAt)""")
        .bind("id", i.id()).bind("negotiation", i.negotiationId()).bind("organisation", i.brokerOrganisationId())
        .bind("subject", i.brokerSubject()).bind("commission", i.commissionBasisPoints()).bind("invitedBy", i.invitedBy())
        .bind("seller", Parameters.nullable(i.agreedBySeller(), String.class))
        .bind("buyer", Parameters.nullable(i.agreedByBuyer(), String.class))
        .bind("status", i.status()).bind("createdAt", i.createdAt())
        .then();
  }

  Mono<Void> update(Invitation i) {
    return database.sql("""
            UPDATE broker_invitations SET agreed_by_seller = :seller, agreed_by_buyer = :buyer,
              accepted_by_broker_at = :brokerAt, status = :status, updated_at = :updatedAt WHERE id = :id""")
        .bind("id", i.id())
        .bind("seller", Parameters.nullable(i.agreedBySeller(), String.class))
        .bind("buyer", Parameters.nullable(i.agreedByBuyer(), String.class))
        .bind("brokerAt", Parameters.nullable(i.acceptedByBrokerAt(), Instant.class))
        .bind("status", i.status()).bind("updatedAt", i.updatedAt())
        .then();
  }

  Mono<Invitation> invitation(UUID negotiationId, UUID id) {
    return database.sql("SELECT * FROM broker_invitations WHERE id = :id AND negotiation_id = :negotiation")
        .bind("id", id).bind("negotiation", negotiationId).map(BrokerStore::invitation).one();
  }

  Mono<Invitation> pendingInvitation(UUID negotiationId) {
    return database.sql("SELECT * FROM broker_invitations WHERE negotiation_id = :negotiation AND status = 'PENDING'")
        .bind("negotiation", negotiationId).map(BrokerStore::invitation).one();
  }

  Flux<Invitation> invitationsOf(String brokerSubject, int limit) {
    return database.sql("""
            SELECT * FROM broker_invitations WHERE broker_subject = :subject
            ORDER BY created_at DESC, id DESC LIMIT :limit""")
        .bind("subject", brokerSubject).bind("limit", limit).map(BrokerStore::invitation).all();
  }

  Mono<Void> insert(Proposal p) {
    return database.sql("""
            INSERT INTO broker_proposals (id, broker_organisation_id, broker_subject, demand_id, demand_organisation_id,
              achievement_id, achievement_organisation_id, achievement_title, note, commission_basis_points, status,
              created_at, updated_at, version)
            VALUES (:id, :organisation, :subject, :demand, :demandOrganisation, :achievement, :achievementOrganisation,
              :title, :note, :commission, :status, :createdAt, :createdAt, :version)""")
        .bind("id", p.id()).bind("organisation", p.brokerOrganisationId()).bind("subject", p.brokerSubject())
        .bind("demand", p.demandId()).bind("demandOrganisation", p.demandOrganisationId())
        .bind("achievement", p.achievementId()).bind("achievementOrganisation", p.achievementOrganisationId())
        .bind("title", p.achievementTitle()).bind("note", Parameters.nullable(p.note(), String.class))
        .bind("commission", p.commissionBasisPoints()).bind("status", p.status()).bind("createdAt", p.createdAt())
        .bind("version", p.version())
        .then();
  }

  Mono<Void> update(Proposal p) {
    return database.sql("""
            UPDATE broker_proposals SET accepted_by_demand_holder = :demandHolder,
              accepted_by_achievement_holder = :achievementHolder, status = :status, declined_by = :declinedBy,
              negotiation_id = :negotiation, updated_at = :updatedAt, version = :version
            WHERE id = :id AND version = :version - 1""")
        .bind("id", p.id())
        .bind("demandHolder", Parameters.nullable(p.acceptedByDemandHolder(), String.class))
        .bind("achievementHolder", Parameters.nullable(p.acceptedByAchievementHolder(), String.class))
        .bind("status", p.status())
        .bind("declinedBy", Parameters.nullable(p.declinedBy(), String.class))
        .bind("negotiation", Parameters.nullable(p.negotiationId(), UUID.class))
        .bind("updatedAt", p.updatedAt()).bind("version", p.version())
        .then();
  }

  Mono<Proposal> proposal(UUID id, boolean lock) {
    return database.sql("SELECT * FROM broker_proposals WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
        .bind("id", id).map(BrokerStore::proposal).one();
  }

  private static Invitation invitation(Readable row) {
    return new Invitation(row.get("id", UUID.class), row.get("negotiation_id", UUID.class),
        row.get("broker_organisation_id", UUID.class), row.get("broker_subject", String.class),
        row.get("commission_basis_points", Integer.class), row.get("invited_by_subject", String.class),
        row.get("agreed_by_seller", String.class), row.get("agreed_by_buyer", String.class),
        row.get("accepted_by_broker_at", Instant.class), row.get("status", String.class),
        row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
  }

  private static Proposal proposal(Readable row) {
    return new Proposal(row.get("id", UUID.class), row.get("broker_organisation_id", UUID.class),
        row.get("broker_subject", String.class), row.get("demand_id", UUID.class),
        row.get("demand_organisation_id", UUID.class), row.get("achievement_id", UUID.class),
        row.get("achievement_organisation_id", UUID.class), row.get("achievement_title", String.class),
        row.get("note", String.class), row.get("commission_basis_points", Integer.class),
        row.get("accepted_by_demand_holder", String.class), row.get("accepted_by_achievement_holder", String.class),
        row.get("status", String.class), row.get("declined_by", String.class), row.get("negotiation_id", UUID.class),
        row.get("created_at", Instant.class), row.get("updated_at", Instant.class), row.get("version", Long.class));
  }
}
