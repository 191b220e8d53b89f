package org.pingliang.techmarket.marketplace.deal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Reads back, from the real contracts tables, the terms each contract drafted for a negotiation
 * holds, as the {@link AcceptedOffer} they were made from: tests of negotiation assert what reached
 * the contract feature, not what a stand-in saw.
 */
@Component
public class DraftedContracts {

  private final DatabaseClient db;

  DraftedContracts(DatabaseClient db) {
    this.db = db;
  }

  /** The contracts drafted for this negotiation (at most one, by the contract feature's promise). */
  public List<AcceptedOffer> draftedFor(UUID negotiationId) {
    var rows = db.sql("""
            SELECT id, negotiation_id, offer_id, listing_type, listing_id, project_name,
                   seller_organisation_id, buyer_organisation_id, broker_organisation_id, broker_subject,
                   broker_commission_bp, contract_type, contract_subtype, total_fen, scope, term_months,
                   created_by, created_at
              FROM contracts WHERE negotiation_id = :negotiation ORDER BY created_at""")
        .bind("negotiation", negotiationId)
        .fetch().all().collectList().block();
    return rows.stream().map(row -> {
      var milestones = db.sql("""
              SELECT sequence, title, amount_fen, due_date FROM contract_milestones
               WHERE contract_id = :contract ORDER BY sequence""")
          .bind("contract", row.get("id"))
          .map((r, m) -> new AcceptedOffer.Milestone(r.get("sequence", Integer.class), r.get("title", String.class),
              Money.cny(r.get("amount_fen", Long.class)), r.get("due_date", LocalDate.class)))
          .all().collectList().block();
      var brokerOrganisation = (UUID) row.get("broker_organisation_id");
      var broker = brokerOrganisation == null ? null : new AcceptedOffer.BrokerTerms(brokerOrganisation,
          (String) row.get("broker_subject"), ((Number) row.get("broker_commission_bp")).intValue());
      return new AcceptedOffer((UUID) row.get("negotiation_id"), (UUID) row.get("offer_id"),
          (String) row.get("listing_type"), (UUID) row.get("listing_id"), (String) row.get("project_name"),
          (UUID) row.get("seller_organisation_id"), (UUID) row.get("buyer_organisation_id"), broker,
          (String) row.get("contract_type"), (String) row.get("contract_subtype"),
          Money.cny(((Number) row.get("total_fen")).longValue()), milestones, (String) row.get("scope"),
          ((Number) row.get("term_months")).intValue(), (String) row.get("created_by"),
          ((OffsetDateTime) row.get("created_at")).toInstant());
    }).toList();
  }
}
