package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import reactor.test.StepVerifier;

/** The database enforces the rules too, for data that does not come through the API. */
class OrganisationSchemaTest extends OrganisationApiTest {

  private StepVerifier.FirstStep<Long> insert(String name, String creditCode, String region, String type, String subtype,
      String status, String reason) {
    var spec = database.sql("""
            INSERT INTO organisations (id, name, kind, credit_code, region_code, legal_entity_type,
                legal_entity_subtype, verification_status, rejection_reason, registered_by)
            VALUES (:id, :name, 'ENTERPRISE', :code, :region, :type, :subtype, :status, :reason, 'schema-test')""")
        .bind("id", UUID.randomUUID()).bind("name", name).bind("code", creditCode).bind("region", region)
        .bind("type", type).bind("status", status);
    spec = Bindings.nullable(spec, "subtype", subtype);
    spec = Bindings.nullable(spec, "reason", reason);
    return StepVerifier.create(spec.fetch().rowsUpdated());
  }

  @Test
  void a_valid_row_is_accepted() {
    insert("平凉", CreditCodes.random(), "620800", "ENTERPRISE", null, "PENDING", null).expectNext(1L).verifyComplete();
  }

  @Test
  void a_credit_code_with_a_wrong_check_character_is_refused() {
    insert("平凉", CreditCodes.withWrongCheck(CreditCodes.random()), "620800", "ENTERPRISE", null, "PENDING", null)
        .verifyError(DataIntegrityViolationException.class);
    insert("平凉", "91620800MA7IOSVZ10", "620800", "ENTERPRISE", null, "PENDING", null)
        .verifyError(DataIntegrityViolationException.class);
  }

  @Test
  void a_region_outside_the_provinces_is_refused() {
    insert("平凉", CreditCodes.random(), "990800", "ENTERPRISE", null, "PENDING", null)
        .verifyError(DataIntegrityViolationException.class);
    insert("平凉", CreditCodes.random(), "62080", "ENTERPRISE", null, "PENDING", null)
        .verifyError(DataIntegrityViolationException.class);
  }

  @Test
  void a_subtype_belongs_to_public_institutions_only() {
    insert("平凉", CreditCodes.random(), "620800", "PUBLIC_INSTITUTION", null, "PENDING", null)
        .verifyError(DataIntegrityViolationException.class);
    insert("平凉", CreditCodes.random(), "620800", "ENTERPRISE", "OTHER", "PENDING", null)
        .verifyError(DataIntegrityViolationException.class);
  }

  @Test
  void a_rejection_reason_exists_exactly_while_rejected_and_names_are_200_characters_at_most() {
    insert("平凉", CreditCodes.random(), "620800", "ENTERPRISE", null, "REJECTED", null)
        .verifyError(DataIntegrityViolationException.class);
    insert("平凉", CreditCodes.random(), "620800", "ENTERPRISE", null, "VERIFIED", "理由")
        .verifyError(DataIntegrityViolationException.class);
    insert("平".repeat(201), CreditCodes.random(), "620800", "ENTERPRISE", null, "PENDING", null)
        .verifyError(DataIntegrityViolationException.class);
  }

  @Test
  void the_history_cannot_be_changed_or_deleted() {
    var registered = register("enterprise");
    StepVerifier.create(database.sql("UPDATE organisation_changes SET changed_by = 'someone' WHERE organisation_id = :id")
            .bind("id", registered.id()).fetch().rowsUpdated())
        .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("append-only"))
        .verify();
    StepVerifier.create(database.sql("DELETE FROM organisation_changes WHERE organisation_id = :id")
            .bind("id", registered.id()).fetch().rowsUpdated())
        .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("append-only"))
        .verify();
    assertThat(history(registered.id())).hasSize(1);
  }
}
