package org.pingliang.techmarket.marketplace.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The contract audit log: one chained entry per change, refused edits, and tampering found by verification. */
class AuditLogTest extends ContractApiTest {

  @Autowired
  DatabaseClient database;

  @Autowired
  TransactionalOperator transaction;

  @Test
  void every_change_appends_a_chained_entry_and_the_chain_verifies() {
    var id = demoDraft(700_000);
    signed(id, "university", "enterprise");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> entries = as("enterprise").get().uri("/api/contracts/{id}/audit-log", id).exchange()
        .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody().stream()
        .map(m -> (Map<String, Object>) m).toList();
    assertThat(entries).extracting(e -> e.get("event")).containsExactly("ContractDrafted", "ContractUpdated",
        "ContractSentForSignature", "ContractSignatureAdded", "ContractSigned");
    assertThat(entries.getFirst().get("previousHash")).isEqualTo("0".repeat(64));
    for (var i = 1; i < entries.size(); i++) {
      assertThat(entries.get(i).get("previousHash")).isEqualTo(entries.get(i - 1).get("hash"));
      assertThat(entries.get(i).get("sequence")).isEqualTo(i + 1);
    }
    assertThat(entries.get(3).get("actor")).isEqualTo("0b7e1000-0000-4000-8000-000000000001");

    as("broker").get().uri("/api/contracts/{id}/audit-log/verification", id).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.valid").isEqualTo(true)
        .jsonPath("$.entries").isEqualTo(5)
        .jsonPath("$.headHash").isEqualTo(entries.getLast().get("hash"));
  }

  @Test
  void the_database_refuses_to_update_or_delete_entries() {
    var id = demoDraft(100_000);
    assertThatThrownBy(() -> database.sql("UPDATE contract_audit_log SET actor = 'mallory' WHERE contract_id = :id")
        .bind("id", id).fetch().rowsUpdated().block(Duration.ofSeconds(10))).hasMessageContaining("append-only");
    assertThatThrownBy(() -> database.sql("DELETE FROM contract_audit_log WHERE contract_id = :id")
        .bind("id", id).fetch().rowsUpdated().block(Duration.ofSeconds(10))).hasMessageContaining("append-only");
    assertThat(verification(id).get("valid")).isEqualTo(true);
  }

  @Test
  void an_entry_changed_behind_the_triggers_back_is_detected() {
    var id = demoDraft(100_000);
    complete("university", id, 5_000, 0);
    ok(post("university", "signature-request", id, null));
    // The owner of the table switches the trigger off for one transaction, as an intruder with DDL rights could.
    tamper("UPDATE contract_audit_log SET payload = replace(payload, '5000', '0') WHERE contract_id = :id AND sequence = 2",
        id);
    var result = verification(id);
    assertThat(result.get("valid")).isEqualTo(false);
    assertThat(result.get("brokenAtSequence")).isEqualTo(2);
    assertThat(result.get("reason")).isEqualTo("payload-digest-mismatch");
  }

  @Test
  void a_recomputed_digest_still_breaks_the_chain_and_a_removed_last_entry_is_missed_by_count() {
    var forged = demoDraft(100_000);
    complete("university", forged, 0, 0);
    tamper("UPDATE contract_audit_log SET actor = 'mallory' WHERE contract_id = :id AND sequence = 1", forged);
    assertThat(verification(forged).get("reason")).isEqualTo("hash-mismatch");

    var truncated = demoDraft(100_000);
    complete("university", truncated, 0, 0);
    tamper("DELETE FROM contract_audit_log WHERE contract_id = :id AND sequence = 2", truncated);
    var result = verification(truncated);
    assertThat(result.get("valid")).isEqualTo(false);
    assertThat(result.get("reason")).isEqualTo("entry-count-mismatch");
  }

  private void tamper(String sql, UUID id) {
    database.sql("ALTER TABLE contract_audit_log DISABLE TRIGGER contract_audit_log_no_update_or_delete").then()
        .then(database.sql(sql).bind("id", id).fetch().rowsUpdated())
        .then(database.sql("ALTER TABLE contract_audit_log ENABLE TRIGGER contract_audit_log_no_update_or_delete").then())
        .as(transaction::transactional)
        .block(Duration.ofSeconds(30));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> verification(UUID id) {
    return as("university").get().uri("/api/contracts/{id}/audit-log/verification", id).exchange()
        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
  }
}
