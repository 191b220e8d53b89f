package org.pingliang.techmarket.marketplace.contract;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Parameters;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.pingliang.techmarket.marketplace.organisation.LegalEntityType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Contracts and their milestones and consents in PostgreSQL; plain SQL, each query says what it locks. */
@Component
class ContractStore {

  private final DatabaseClient database;

  ContractStore(DatabaseClient database) {
    this.database = database;
  }

  /**
   * Inserts a new draft unless one exists for the negotiation; answers whether this call inserted.
   * Concurrent callers for one negotiation wait on the unique index, and all but one insert nothing.
   */
  Mono<Boolean> insertIfAbsent(Contract contract) {
    return bind(database.sql("""
            INSERT INTO contracts (id, negotiation_id, offer_id, listing_type, listing_id, status, status_reason,
              contract_type, contract_subtype, project_name, scope, term_months,
              seller_organisation_id, seller_name, seller_credit_code, seller_country_code, seller_region_code,
              seller_legal_category, seller_legal_subtype,
              buyer_organisation_id, buyer_name, buyer_credit_code, buyer_country_code, buyer_region_code,
              buyer_legal_category, buyer_legal_subtype,
              broker_organisation_id, broker_subject, broker_commission_bp, total_fen,
              equipment_fen, instruments_fen, parts_fen, raw_materials_fen, carrier_samples_fen,
              technical_transaction_fen, expected_new_investment_fen, expected_new_output_fen, technology_field,
              ip_involvement, plan_source, signing_date, valid_from, valid_until, created_by, created_at, updated_at,
              version)
            VALUES (:id, :negotiationId, :offerId, :listingType, :listingId, :status, :statusReason,
              :contractType, :contractSubtype, :projectName, :scope, :termMonths,
              :sellerId, :sellerName, :sellerCreditCode, :sellerCountry, :sellerRegion, :sellerCategory, :sellerSubtype,
              :buyerId, :buyerName, :buyerCreditCode, :buyerCountry, :buyerRegion, :buyerCategory, :buyerSubtype,
              :brokerOrganisationId, :brokerSubject, :brokerCommission, :totalFen,
              :equipmentFen, :instrumentsFen, :partsFen, :rawMaterialsFen, :carrierSamplesFen,
              :technicalFen, :investmentFen, :outputFen, :technologyField,
              :ipInvolvement, :planSource, :signingDate, :validFrom, :validUntil, :createdBy, :createdAt, :updatedAt,
              :version)
            ON CONFLICT (negotiation_id) DO NOTHING"""), contract)
        .bind("negotiationId", contract.negotiationId())
        .bind("offerId", contract.offerId())
        .bind("listingType", Parameters.nullable(contract.listingType(), String.class))
        .bind("listingId", Parameters.nullable(contract.listingId(), UUID.class))
        .bind("scope", Parameters.nullable(contract.scope(), String.class))
        .bind("termMonths", contract.termMonths())
        .bind("sellerId", contract.seller().organisationId())
        .bind("sellerName", contract.seller().name())
        .bind("sellerCreditCode", contract.seller().creditCode())
        .bind("sellerCountry", contract.seller().countryCode())
        .bind("sellerRegion", contract.seller().regionCode())
        .bind("sellerCategory", contract.seller().legalCategory().name())
        .bind("sellerSubtype", Parameters.nullable(name(contract.seller().legalSubtype()), String.class))
        .bind("buyerId", contract.buyer().organisationId())
        .bind("buyerName", contract.buyer().name())
        .bind("buyerCreditCode", contract.buyer().creditCode())
        .bind("buyerCountry", contract.buyer().countryCode())
        .bind("buyerRegion", contract.buyer().regionCode())
        .bind("buyerCategory", contract.buyer().legalCategory().name())
        .bind("buyerSubtype", Parameters.nullable(name(contract.buyer().legalSubtype()), String.class))
        .bind("brokerOrganisationId", Parameters.nullable(
            contract.broker() == null ? null : contract.broker().organisationId(), UUID.class))
        .bind("brokerSubject", Parameters.nullable(contract.broker() == null ? null : contract.broker().subject(), String.class))
        .bind("brokerCommission", Parameters.nullable(
            contract.broker() == null ? null : contract.broker().commissionBasisPoints(), Integer.class))
        .bind("totalFen", contract.totalFen())
        .bind("createdBy", contract.createdBy())
        .bind("createdAt", contract.createdAt())
        .fetch().rowsUpdated()
        .map(rows -> rows == 1);
  }

  Mono<UUID> idOfNegotiation(UUID negotiationId) {
    return database.sql("SELECT id FROM contracts WHERE negotiation_id = :n").bind("n", negotiationId)
        .map(row -> row.get("id", UUID.class)).one();
  }

  Mono<Contract> find(UUID id) {
    return read(database.sql("SELECT * FROM contracts WHERE id = :id").bind("id", id));
  }

  /** Reads and row-locks a contract for a change within the current transaction. */
  Mono<Contract> lock(UUID id) {
    return read(database.sql("SELECT * FROM contracts WHERE id = :id FOR UPDATE").bind("id", id));
  }

  /** Writes the changed fields of a contract read under {@link #lock}; refuses a lost update. */
  Mono<Void> update(Contract contract) {
    return bind(database.sql("""
            UPDATE contracts SET status = :status, status_reason = :statusReason, contract_type = :contractType,
              contract_subtype = :contractSubtype, project_name = :projectName, equipment_fen = :equipmentFen,
              instruments_fen = :instrumentsFen, parts_fen = :partsFen, raw_materials_fen = :rawMaterialsFen,
              carrier_samples_fen = :carrierSamplesFen, technical_transaction_fen = :technicalFen,
              expected_new_investment_fen = :investmentFen, expected_new_output_fen = :outputFen,
              technology_field = :technologyField, ip_involvement = :ipInvolvement, plan_source = :planSource,
              signing_date = :signingDate, valid_from = :validFrom, valid_until = :validUntil,
              submitted_at = :submittedAt, registration_number = :registrationNumber, rule_set = :ruleSet,
              registered_at = :registeredAt, registered_by = :registeredBy, updated_at = :updatedAt, version = :version
            WHERE id = :id AND version = :version - 1"""), contract)
        .bind("submittedAt", Parameters.nullable(contract.registration().submittedAt(), Instant.class))
        .bind("registrationNumber", Parameters.nullable(contract.registration().number(), String.class))
        .bind("ruleSet", Parameters.nullable(contract.registration().ruleSet(), String.class))
        .bind("registeredAt", Parameters.nullable(contract.registration().registeredAt(), Instant.class))
        .bind("registeredBy", Parameters.nullable(contract.registration().registeredBy(), String.class))
        .fetch().rowsUpdated()
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty()
            : Mono.error(new IllegalStateException("contract " + contract.id() + " changed under a row lock")));
  }

  /** Replaces the whole schedule (drafts only: no milestone has moved yet). */
  Mono<Void> replaceMilestones(UUID contractId, List<Milestone> milestones, Instant now) {
    return database.sql("DELETE FROM contract_milestones WHERE contract_id = :id").bind("id", contractId).then()
        .thenMany(Flux.fromIterable(milestones).concatMap(milestone -> database.sql("""
                INSERT INTO contract_milestones (id, contract_id, sequence, title, amount_fen, due_date, status,
                  created_at, updated_at)
                VALUES (:id, :contractId, :sequence, :title, :amountFen, :dueDate, :status, :now, :now)""")
            .bind("id", milestone.id())
            .bind("contractId", contractId)
            .bind("sequence", milestone.sequence())
            .bind("title", milestone.title())
            .bind("amountFen", milestone.amountFen())
            .bind("dueDate", Parameters.nullable(milestone.dueDate(), LocalDate.class))
            .bind("status", milestone.status().name())
            .bind("now", now)
            .then()))
        .then();
  }

  Mono<Void> updateMilestone(Milestone milestone, Instant now) {
    return database.sql("""
            UPDATE contract_milestones SET status = :status, delivered_at = :deliveredAt, delivered_by = :deliveredBy,
              accepted_at = :acceptedAt, accepted_by = :acceptedBy, updated_at = :now WHERE id = :id""")
        .bind("id", milestone.id())
        .bind("status", milestone.status().name())
        .bind("deliveredAt", Parameters.nullable(milestone.deliveredAt(), Instant.class))
        .bind("deliveredBy", Parameters.nullable(milestone.deliveredBy(), String.class))
        .bind("acceptedAt", Parameters.nullable(milestone.acceptedAt(), Instant.class))
        .bind("acceptedBy", Parameters.nullable(milestone.acceptedBy(), String.class))
        .bind("now", now)
        .then();
  }

  /** Records a party's consent; answers false when that party had already given it. */
  Mono<Boolean> consent(UUID contractId, String kind, PartyRole party, String subject, String reason, Instant at) {
    return database.sql("""
            INSERT INTO contract_consents (contract_id, kind, party, subject, reason, given_at)
            VALUES (:id, :kind, :party, :subject, :reason, :at) ON CONFLICT DO NOTHING""")
        .bind("id", contractId).bind("kind", kind).bind("party", party.name()).bind("subject", subject)
        .bind("reason", Parameters.nullable(reason, String.class)).bind("at", at)
        .fetch().rowsUpdated().map(rows -> rows == 1);
  }

  /** The parties that gave this kind of consent, with who and when. */
  Flux<Consent> consents(UUID contractId, String kind) {
    return database.sql("SELECT * FROM contract_consents WHERE contract_id = :id AND kind = :kind ORDER BY given_at")
        .bind("id", contractId).bind("kind", kind)
        .map(row -> new Consent(PartyRole.valueOf(row.get("party", String.class)), row.get("subject", String.class),
            row.get("reason", String.class), row.get("given_at", Instant.class)))
        .all();
  }

  Mono<Void> dropConsents(UUID contractId, String kind) {
    return database.sql("DELETE FROM contract_consents WHERE contract_id = :id AND kind = :kind")
        .bind("id", contractId).bind("kind", kind).then();
  }

  /** A party's signature or agreement to terminate. */
  record Consent(PartyRole party, String subject, String reason, Instant givenAt) {}

  /** The next registration sequence of a year and region, under the counter row's lock. */
  Mono<Integer> nextRegistrationSequence(int year, String regionCode) {
    return database.sql("""
            INSERT INTO contract_registration_counters (year, region_code, last_sequence) VALUES (:year, :region, 1)
            ON CONFLICT (year, region_code) DO UPDATE
              SET last_sequence = contract_registration_counters.last_sequence + 1, updated_at = now()
            RETURNING last_sequence""")
        .bind("year", year).bind("region", regionCode)
        .map(row -> row.get("last_sequence", Integer.class)).one();
  }

  /** Contracts at the registration desk in a status, oldest submission first. */
  Flux<Contract> atRegistrationDesk(ContractStatus status, int limit) {
    return database.sql("""
            SELECT * FROM contracts WHERE status = :status AND submitted_at IS NOT NULL
            ORDER BY submitted_at, id LIMIT :limit""")
        .bind("status", status.name()).bind("limit", limit)
        .map(this::readRow).all()
        .concatMap(this::withMilestones);
  }

  /** The contracts of organisations the subject belongs to, or that the subject brokers, newest first. */
  Flux<Contract> visibleTo(String subject, int limit) {
    return database.sql("""
            SELECT c.* FROM contracts c
            WHERE c.broker_subject = :subject
               OR EXISTS (SELECT 1 FROM organisation_members m WHERE m.subject = :subject
                          AND m.organisation_id IN (c.seller_organisation_id, c.buyer_organisation_id,
                                                    c.broker_organisation_id))
            ORDER BY c.updated_at DESC, c.id DESC LIMIT :limit""")
        .bind("subject", subject).bind("limit", limit)
        .map(this::readRow).all()
        .concatMap(this::withMilestones);
  }

  private Mono<Contract> read(GenericExecuteSpec spec) {
    return spec.map(this::readRow).one().flatMap(this::withMilestones);
  }

  private Mono<Contract> withMilestones(Contract contract) {
    return database.sql("SELECT * FROM contract_milestones WHERE contract_id = :id ORDER BY sequence")
        .bind("id", contract.id())
        .map(row -> new Milestone(row.get("id", UUID.class), row.get("sequence", Integer.class),
            row.get("title", String.class), row.get("amount_fen", Long.class), row.get("due_date", LocalDate.class),
            MilestoneStatus.valueOf(row.get("status", String.class)), row.get("delivered_at", Instant.class),
            row.get("delivered_by", String.class), row.get("accepted_at", Instant.class),
            row.get("accepted_by", String.class)))
        .all().collectList()
        .map(milestones -> new Contract(contract.id(), contract.negotiationId(), contract.offerId(),
            contract.listingType(), contract.listingId(), contract.status(), contract.statusReason(), contract.seller(),
            contract.buyer(), contract.broker(), contract.totalFen(), contract.terms(), milestones, contract.scope(),
            contract.termMonths(), contract.signingDate(), contract.registration(), contract.createdBy(),
            contract.createdAt(), contract.updatedAt(), contract.version()));
  }

  private GenericExecuteSpec bind(GenericExecuteSpec spec, Contract contract) {
    var terms = contract.terms();
    var deductions = terms.deductions();
    return spec
        .bind("id", contract.id())
        .bind("status", contract.status().name())
        .bind("statusReason", Parameters.nullable(contract.statusReason(), String.class))
        .bind("contractType", terms.contractType().name())
        .bind("contractSubtype", Parameters.nullable(terms.contractSubtype(), String.class))
        .bind("projectName", terms.projectName())
        .bind("equipmentFen", deductions.equipmentFen())
        .bind("instrumentsFen", deductions.instrumentsFen())
        .bind("partsFen", deductions.partsFen())
        .bind("rawMaterialsFen", deductions.rawMaterialsFen())
        .bind("carrierSamplesFen", deductions.carrierSamplesFen())
        .bind("technicalFen", contract.technicalTransactionFen())
        .bind("investmentFen", Parameters.nullable(terms.expectedNewInvestmentFen(), Long.class))
        .bind("outputFen", Parameters.nullable(terms.expectedNewOutputFen(), Long.class))
        .bind("technologyField", Parameters.nullable(name(terms.technologyField()), String.class))
        .bind("ipInvolvement", terms.ipInvolvement().stream().map(Enum::name).sorted().toArray(String[]::new))
        .bind("planSource", Parameters.nullable(name(terms.planSource()), String.class))
        .bind("signingDate", Parameters.nullable(contract.signingDate(), LocalDate.class))
        .bind("validFrom", Parameters.nullable(terms.validFrom(), LocalDate.class))
        .bind("validUntil", Parameters.nullable(terms.validUntil(), LocalDate.class))
        .bind("updatedAt", contract.updatedAt())
        .bind("version", contract.version());
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private Contract readRow(Readable row) {
    var ip = EnumSet.noneOf(IpInvolvement.class);
    Arrays.stream(row.get("ip_involvement", String[].class)).map(IpInvolvement::valueOf).forEach(ip::add);
    var technologyField = row.get("technology_field", String.class);
    var planSource = row.get("plan_source", String.class);
    var terms = new Terms(
        ContractType.valueOf(row.get("contract_type", String.class)),
        row.get("contract_subtype", String.class),
        row.get("project_name", String.class),
        new Deductions(row.get("equipment_fen", Long.class), row.get("instruments_fen", Long.class),
            row.get("parts_fen", Long.class), row.get("raw_materials_fen", Long.class),
            row.get("carrier_samples_fen", Long.class)),
        row.get("expected_new_investment_fen", Long.class),
        row.get("expected_new_output_fen", Long.class),
        technologyField == null ? null : TechnologyField.valueOf(technologyField),
        ip,
        planSource == null ? null : PlanSource.valueOf(planSource),
        row.get("valid_from", LocalDate.class),
        row.get("valid_until", LocalDate.class));
    var brokerSubject = row.get("broker_subject", String.class);
    var brokerOrganisation = row.get("broker_organisation_id", UUID.class);
    var broker = brokerSubject == null && brokerOrganisation == null ? null
        : new Contract.Broker(brokerOrganisation, brokerSubject, row.get("broker_commission_bp", Integer.class));
    return new Contract(
        row.get("id", UUID.class),
        row.get("negotiation_id", UUID.class),
        row.get("offer_id", UUID.class),
        row.get("listing_type", String.class),
        row.get("listing_id", UUID.class),
        ContractStatus.valueOf(row.get("status", String.class)),
        row.get("status_reason", String.class),
        party(row, "seller_"),
        party(row, "buyer_"),
        broker,
        row.get("total_fen", Long.class),
        terms,
        List.of(),
        row.get("scope", String.class),
        row.get("term_months", Integer.class),
        row.get("signing_date", LocalDate.class),
        new Contract.Registration(row.get("submitted_at", Instant.class), row.get("registration_number", String.class),
            row.get("rule_set", String.class), row.get("registered_at", Instant.class),
            row.get("registered_by", String.class)),
        row.get("created_by", String.class),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class),
        row.get("version", Long.class));
  }

  private static Party party(Readable row, String prefix) {
    var subtype = row.get(prefix + "legal_subtype", String.class);
    return new Party(
        row.get(prefix + "organisation_id", UUID.class),
        row.get(prefix + "name", String.class),
        row.get(prefix + "credit_code", String.class),
        row.get(prefix + "country_code", String.class),
        row.get(prefix + "region_code", String.class),
        LegalEntityType.Category.valueOf(row.get(prefix + "legal_category", String.class)),
        subtype == null ? null : LegalEntityType.Subtype.valueOf(subtype));
  }
}
