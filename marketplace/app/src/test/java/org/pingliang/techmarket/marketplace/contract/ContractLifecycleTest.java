package org.pingliang.techmarket.marketplace.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/** DRAFT → AWAITING_SIGNATURES → SIGNED → SUBMITTED → REGISTERED → IN_PERFORMANCE → COMPLETED, and the moves that are refused. */
class ContractLifecycleTest extends ContractApiTest {

  @Autowired
  DatabaseClient database;

  @Test
  void a_contract_goes_from_draft_to_completed_with_money_in_whole_fen() {
    var id = demoDraft(123_456_789);
    var draft = get("university", id);
    assertThat(draft.get("status")).isEqualTo("DRAFT");
    assertThat(fen(draft, "total")).isEqualTo(123_456_789L);
    assertThat(((Map<?, ?>) draft.get("seller")).get("creditCode")).isEqualTo("126208024382761592");
    assertThat(((Map<?, ?>) draft.get("seller")).get("regionCode")).isEqualTo("620802");
    assertThat(((Map<?, ?>) draft.get("buyer")).get("legalEntityCategory")).isEqualTo("ENTERPRISE");

    // 技术交易额 = total − equipment − raw materials; carrier samples stay in.
    var edited = complete("university", id, 3_000_001, 456_788);
    assertThat(fen(edited, "technicalTransactionAmount")).isEqualTo(123_456_789L - 3_000_001L - 456_788L);
    assertThat(edited.get("version")).isEqualTo(2);

    ok(post("university", "signature-request", id, null));
    var once = ok(post("university", "signatures", id, null));
    assertThat(once.get("status")).isEqualTo("AWAITING_SIGNATURES");
    var again = ok(post("university", "signatures", id, null));
    assertThat(again.get("version")).as("signing twice changes nothing").isEqualTo(once.get("version"));
    var signed = ok(post("enterprise", "signatures", id, null));
    assertThat(signed.get("status")).isEqualTo("SIGNED");
    assertThat(signed.get("signingDate")).isNotNull();
    assertThat((List<?>) signed.get("signatures")).hasSize(2);

    var submitted = ok(post("enterprise", "submission", id, null));
    assertThat(submitted.get("status")).isEqualTo("SUBMITTED");
    var registered = ok(post("admin", "registration", id, null));
    var registration = (Map<?, ?>) registered.get("registration");
    var number = (String) registration.get("registrationNumber");
    assertThat(number).hasSize(16).matches("\\d{16}").contains("620802");
    assertThat(registration.get("ruleSet")).isEqualTo("2026-01-23");

    var first = milestoneId(registered, 0);
    var second = milestoneId(registered, 1);
    var delivering = ok(as("university").post().uri("/api/contracts/{id}/milestones/{m}/delivery", id, first).exchange());
    assertThat(delivering.get("status")).isEqualTo("IN_PERFORMANCE");
    ok(as("enterprise").post().uri("/api/contracts/{id}/milestones/{m}/acceptance", id, first).exchange());
    ok(as("university").post().uri("/api/contracts/{id}/milestones/{m}/delivery", id, second).exchange());
    var completed = ok(as("enterprise").post().uri("/api/contracts/{id}/milestones/{m}/acceptance", id, second).exchange());
    assertThat(completed.get("status")).isEqualTo("COMPLETED");
    assertThat(paymentAcceptances(id)).as("payments heard of both acceptances").containsExactlyInAnyOrder(first, second);

    // The schedule still adds up to the total, fen for fen.
    @SuppressWarnings("unchecked")
    var milestones = (List<Map<String, Object>>) completed.get("milestones");
    assertThat(milestones.stream().mapToLong(m -> ((Number) ((Map<?, ?>) m.get("amount")).get("amountFen")).longValue()).sum())
        .isEqualTo(123_456_789L);
    var stored = database.sql("SELECT total_fen, technical_transaction_fen FROM contracts WHERE id = :id").bind("id", id)
        .map(row -> List.of(row.get("total_fen", Long.class), row.get("technical_transaction_fen", Long.class))).one().block();
    assertThat(stored).containsExactly(123_456_789L, 120_000_000L);
  }

  @Test
  void every_change_leaves_one_contract_event_in_the_outbox() {
    var id = demoDraft(1_000_000);
    signed(id, "university", "enterprise");
    var events = database.sql("""
            SELECT type FROM outbox_events WHERE aggregate_type = 'Contract' AND aggregate_id = :id
            ORDER BY aggregate_version""")
        .bind("id", id).map(row -> row.get("type", String.class)).all().collectList().block();
    assertThat(events).containsExactly("ContractDrafted", "ContractUpdated", "ContractSentForSignature",
        "ContractSignatureAdded", "ContractSigned");
  }

  @Test
  void illegal_transitions_are_conflicts() {
    var id = demoDraft(500_000);
    problem(post("university", "signatures", id, null), HttpStatus.CONFLICT, "conflict");
    problem(post("university", "submission", id, null), HttpStatus.CONFLICT, "conflict");
    var milestone = milestoneId(get("university", id), 0);
    problem(as("university").post().uri("/api/contracts/{id}/milestones/{m}/delivery", id, milestone).exchange(),
        HttpStatus.CONFLICT, "conflict");

    signed(id, "university", "enterprise");
    problem(as("university").put().uri("/api/contracts/{id}", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ContractTestData.completeForm(version("university", id), 0, 0)).exchange(), HttpStatus.CONFLICT, "conflict");
    problem(post("university", "signature-request", id, null), HttpStatus.CONFLICT, "conflict");
    problem(post("university", "revision", id, null), HttpStatus.CONFLICT, "conflict");

    ok(post("university", "submission", id, null));
    problem(post("university", "submission", id, null), HttpStatus.CONFLICT, "conflict");
    problem(post("university", "termination", id, Map.of("reason", "双方协商")), HttpStatus.CONFLICT, "conflict");
    // Accepting before delivery: the milestone is not ready.
    ok(post("admin", "registration", id, null));
    problem(as("enterprise").post().uri("/api/contracts/{id}/milestones/{m}/acceptance", id, milestone).exchange(),
        HttpStatus.CONFLICT, "conflict");
    problem(post("admin", "registration", id, null), HttpStatus.CONFLICT, "conflict");
    problem(post("admin", "rejection", id, Map.of("reason", "重复提交")), HttpStatus.CONFLICT, "conflict");
  }

  @Test
  void a_stale_version_is_a_conflict() {
    var id = demoDraft(500_000);
    complete("university", id, 0, 0);
    problem(as("enterprise").put().uri("/api/contracts/{id}", id).contentType(MediaType.APPLICATION_JSON)
        .header("If-Match", "\"1\"").bodyValue(ContractTestData.completeForm(1, 0, 0)).exchange(),
        HttpStatus.CONFLICT, "conflict");
    problem(as("university").post().uri("/api/contracts/{id}/signature-request", id).header("If-Match", "\"1\"").exchange(),
        HttpStatus.CONFLICT, "conflict");
  }

  @Test
  void the_registry_rejects_with_a_reason_and_the_parties_can_then_terminate_by_agreement() {
    var id = demoDraft(800_000);
    signed(id, "university", "enterprise");
    ok(post("enterprise", "submission", id, null));
    problem(post("admin", "rejection", id, Map.of()), HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed");
    var rejected = ok(post("admin", "rejection", id, Map.of("reason", "合同标的不属于技术合同")));
    assertThat(rejected.get("status")).isEqualTo("REJECTED");
    assertThat(rejected.get("statusReason")).isEqualTo("合同标的不属于技术合同");
    assertThat(((Map<?, ?>) rejected.get("registration")).get("registrationNumber")).isNull();

    var requested = ok(post("university", "termination", id, Map.of("reason", "未予登记，协商解除")));
    assertThat(requested.get("status")).as("one party's consent is not enough").isEqualTo("REJECTED");
    var again = ok(post("university", "termination", id, Map.of("reason", "未予登记，协商解除")));
    assertThat(again.get("status")).isEqualTo("REJECTED");
    var terminated = ok(post("enterprise", "termination", id, Map.of("reason", "同意解除")));
    assertThat(terminated.get("status")).isEqualTo("TERMINATED");
    assertThat(paymentTerminations(id)).as("payments heard of the termination").isEqualTo(1L);
  }

  @Test
  void before_signing_one_party_ends_the_contract_and_an_admin_terminates_a_registered_one() {
    var draft = demoDraft(300_000);
    var ended = ok(post("enterprise", "termination", draft, Map.of("reason", "不再需要")));
    assertThat(ended.get("status")).isEqualTo("TERMINATED");
    problem(post("university", "termination", draft, Map.of("reason", "again")), HttpStatus.CONFLICT, "conflict");

    var id = demoDraft(300_000);
    var registered = registered(id);
    ok(as("university").post().uri("/api/contracts/{id}/milestones/{m}/delivery", id, milestoneId(registered, 0)).exchange());
    var terminated = ok(post("admin", "termination", id, Map.of("reason", "合同履行中发现违法情形")));
    assertThat(terminated.get("status")).isEqualTo("TERMINATED");
    @SuppressWarnings("unchecked")
    var milestones = (List<Map<String, Object>>) terminated.get("milestones");
    assertThat(milestones).extracting(m -> m.get("status")).containsOnly("CANCELLED");
    assertThat(paymentTerminations(id)).as("payments heard of the termination").isEqualTo(1L);
  }

  @Test
  void revision_takes_a_contract_back_to_the_draft_and_drops_signatures() {
    var id = demoDraft(300_000);
    complete("university", id, 0, 0);
    ok(post("university", "signature-request", id, null));
    ok(post("enterprise", "signatures", id, null));
    var revised = ok(post("enterprise", "revision", id, null));
    assertThat(revised.get("status")).isEqualTo("DRAFT");
    assertThat((List<?>) revised.get("signatures")).isEmpty();
  }

  @Test
  void a_draft_needs_its_registration_fields_before_signature() {
    var id = demoDraft(300_000);
    as("university").post().uri("/api/contracts/{id}/signature-request", id).exchange()
        .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
        .expectBody()
        .jsonPath("$.errors[?(@.field == 'technologyField')].code").isEqualTo("required")
        .jsonPath("$.errors[?(@.field == 'expectedNewInvestment')].code").isEqualTo("required");
  }

  @Test
  void deductions_cannot_exceed_the_total_or_be_negative_and_amounts_must_be_whole_fen() {
    var id = demoDraft(1_000_000);
    var v = version("university", id);
    var tooMuch = ContractTestData.completeForm(v, 600_000, 400_001);
    as("university").put().uri("/api/contracts/{id}", id).contentType(MediaType.APPLICATION_JSON).bodyValue(tooMuch)
        .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
        .expectBody().jsonPath("$.errors[0].code").isEqualTo("deductions-above-total");
    var exactly = ContractTestData.completeForm(v, 600_000, 400_000);
    var edited = ok(as("university").put().uri("/api/contracts/{id}", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(exactly).exchange());
    assertThat(fen(edited, "technicalTransactionAmount")).isZero();

    var negative = ContractTestData.completeForm(v + 1, 0, 0);
    negative.put("deductions", Map.of("equipment", ContractTestData.fen(-1)));
    problem(as("university").put().uri("/api/contracts/{id}", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(negative).exchange(), HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed");
    var fraction = ContractTestData.completeForm(v + 1, 0, 0);
    fraction.put("deductions", Map.of("equipment", Map.of("amountFen", 12.5, "currency", "CNY")));
    problem(as("university").put().uri("/api/contracts/{id}", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(fraction).exchange(), HttpStatus.BAD_REQUEST, "malformed-request");
    var wrongSubtype = ContractTestData.completeForm(v + 1, 0, 0);
    wrongSubtype.put("contractSubtype", "COMMISSIONED");
    as("university").put().uri("/api/contracts/{id}", id).contentType(MediaType.APPLICATION_JSON).bodyValue(wrongSubtype)
        .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
        .expectBody().jsonPath("$.errors[0].code").isEqualTo("subtype-mismatch");
    var consulting = ContractTestData.completeForm(v + 1, 0, 0);
    consulting.put("contractType", "TECHNICAL_CONSULTING");
    consulting.remove("contractSubtype");
    as("university").put().uri("/api/contracts/{id}", id).contentType(MediaType.APPLICATION_JSON).bodyValue(consulting)
        .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
        .expectBody().jsonPath("$.errors[0].code").isEqualTo("transfer-only");
    var badSchedule = ContractTestData.completeForm(v + 1, 0, 0);
    badSchedule.put("milestones", List.of(Map.of("title", "一次付清", "amount", ContractTestData.fen(999_999))));
    as("university").put().uri("/api/contracts/{id}", id).contentType(MediaType.APPLICATION_JSON).bodyValue(badSchedule)
        .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
        .expectBody().jsonPath("$.errors[0].code").isEqualTo("milestones-sum");
    var unknown = ContractTestData.completeForm(v + 1, 0, 0);
    unknown.put("registrationNumber", "2026620802000001");
    problem(as("university").put().uri("/api/contracts/{id}", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(unknown).exchange(), HttpStatus.BAD_REQUEST, "malformed-request");
  }

  @Test
  void registration_numbers_are_unique_and_follow_year_county_sequence() {
    var a = (Map<?, ?>) registered(demoDraft(100_000)).get("registration");
    var b = (Map<?, ?>) registered(demoDraft(100_000)).get("registration");
    var first = (String) a.get("registrationNumber");
    var second = (String) b.get("registrationNumber");
    assertThat(first.substring(0, 10)).isEqualTo(second.substring(0, 10)).endsWith("620802");
    assertThat(Integer.parseInt(second.substring(10))).isEqualTo(Integer.parseInt(first.substring(10)) + 1);
  }

  @Test
  void the_registration_desk_lists_submitted_contracts_oldest_first() {
    var older = demoDraft(100_000);
    var newer = demoDraft(100_000);
    signed(older, "university", "enterprise");
    signed(newer, "university", "enterprise");
    ok(post("university", "submission", older, null));
    ok(post("university", "submission", newer, null));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> queue = as("admin").get().uri("/api/registrations?status=SUBMITTED&size=100").exchange()
        .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody().stream()
        .map(m -> (Map<String, Object>) m).toList();
    var ids = queue.stream().map(m -> UUID.fromString((String) m.get("id"))).toList();
    assertThat(ids).contains(older, newer);
    assertThat(ids.indexOf(older)).isLessThan(ids.indexOf(newer));
    assertThat(queue).allSatisfy(c -> assertThat(c.get("status")).isEqualTo("SUBMITTED"));
    // Leave the desk as found: the test database outlives this run.
    ok(post("admin", "registration", older, null));
    ok(post("admin", "registration", newer, null));
  }

  /** The milestones payments recorded as accepted (its PaymentHooks rows, written in our transaction). */
  private List<UUID> paymentAcceptances(UUID contract) {
    return database.sql("SELECT milestone_id FROM milestone_acceptances WHERE contract_id = :id").bind("id", contract)
        .map(row -> row.get("milestone_id", UUID.class)).all().collectList().block();
  }

  private long paymentTerminations(UUID contract) {
    return database.sql("SELECT count(*) AS n FROM contract_terminations WHERE contract_id = :id").bind("id", contract)
        .map(row -> row.get("n", Long.class)).one().block();
  }
}
