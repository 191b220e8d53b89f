package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * /api/organisations/{id}/members: owners and administrators manage members; other members get
 * 403, outsiders 404 (even for a verified organisation: member lists are private), and the last
 * owner always stays.
 */
class MembersTest extends OrganisationApiTest {

  private WebTestClient.ResponseSpec list(WebTestClient client, UUID id) {
    return client.get().uri(ORGANISATIONS + "/{id}/members", id).exchange();
  }

  private WebTestClient.ResponseSpec add(WebTestClient client, UUID id, Object body) {
    return client.post().uri(ORGANISATIONS + "/{id}/members", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body).exchange();
  }

  private WebTestClient.ResponseSpec remove(WebTestClient client, UUID id, String subject) {
    return client.delete().uri(ORGANISATIONS + "/{id}/members/{subject}", id, subject).exchange();
  }

  @Test
  void the_owner_adds_lists_and_removes_members() {
    var registered = register("university");
    add(as("university"), registered.id(), Map.of("subject", UNIVERSITY2, "role", "EDITOR"))
        .expectStatus().isCreated()
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.subject").isEqualTo(UNIVERSITY2)
        .jsonPath("$.role").isEqualTo("EDITOR")
        .jsonPath("$.addedBy").isEqualTo(UNIVERSITY)
        .jsonPath("$.addedAt").exists();

    list(as("university"), registered.id()).expectStatus().isOk().expectBody()
        .jsonPath("$.items.length()").isEqualTo(2)
        .jsonPath("$.items[0].subject").isEqualTo(UNIVERSITY)
        .jsonPath("$.items[0].role").isEqualTo("OWNER")
        .jsonPath("$.items[1].subject").isEqualTo(UNIVERSITY2);

    remove(as("university"), registered.id(), UNIVERSITY2).expectStatus().isNoContent();
    list(as("university"), registered.id()).expectBody().jsonPath("$.items.length()").isEqualTo(1);
    problem(remove(as("university"), registered.id(), UNIVERSITY2), HttpStatus.NOT_FOUND, "not-found");
  }

  @Test
  void an_added_member_sees_the_private_organisation_but_does_not_manage_it() {
    var registered = register("enterprise");
    addMember("enterprise", registered.id(), ENTERPRISE2, "EDITOR");
    as("enterprise2").get().uri(ORGANISATIONS + "/{id}", registered.id()).exchange().expectStatus().isOk();
    problem(list(as("enterprise2"), registered.id()), HttpStatus.FORBIDDEN, "forbidden");
    problem(add(as("enterprise2"), registered.id(), Map.of("subject", BROKER, "role", "MEMBER")), HttpStatus.FORBIDDEN,
        "forbidden");
    problem(remove(as("enterprise2"), registered.id(), ENTERPRISE), HttpStatus.FORBIDDEN, "forbidden");
  }

  @Test
  void the_last_owner_cannot_be_removed_but_one_of_two_can() {
    var registered = register("broker");
    problem(remove(as("broker"), registered.id(), BROKER), HttpStatus.CONFLICT, "conflict")
        .jsonPath("$.detail").isEqualTo("不能移除机构的最后一位负责人，请先指定其他负责人。");
    problem(remove(as("admin"), registered.id(), BROKER), HttpStatus.CONFLICT, "conflict");

    addMember("broker", registered.id(), COMMISSIONER, "OWNER");
    remove(as("broker"), registered.id(), BROKER).expectStatus().isNoContent();
    problem(remove(as("commissioner"), registered.id(), COMMISSIONER), HttpStatus.CONFLICT, "conflict");
  }

  @Test
  void a_member_of_another_organisation_gets_404_even_for_a_verified_one() {
    var verified = registerVerified("enterprise");
    registerVerified("enterprise2");
    problem(list(as("enterprise2"), verified.id()), HttpStatus.NOT_FOUND, "not-found");
    problem(add(as("enterprise2"), verified.id(), Map.of("subject", ENTERPRISE2, "role", "OWNER")), HttpStatus.NOT_FOUND,
        "not-found");
    problem(remove(as("enterprise2"), verified.id(), ENTERPRISE), HttpStatus.NOT_FOUND, "not-found");
    list(as("enterprise"), verified.id()).expectBody().jsonPath("$.items.length()").isEqualTo(1);
  }

  @Test
  void an_anonymous_caller_is_401() {
    var verified = registerVerified("enterprise");
    problem(list(http, verified.id()), HttpStatus.UNAUTHORIZED, "unauthorized");
    problem(add(http, verified.id(), Map.of("subject", BROKER, "role", "MEMBER")), HttpStatus.UNAUTHORIZED,
        "unauthorized");
    problem(remove(http, verified.id(), ENTERPRISE), HttpStatus.UNAUTHORIZED, "unauthorized");
  }

  @Test
  void an_administrator_manages_the_members_of_any_organisation() {
    var registered = register("commissioner");
    add(as("admin"), registered.id(), Map.of("subject", BROKER, "role", "MEMBER")).expectStatus().isCreated()
        .expectBody().jsonPath("$.addedBy").isEqualTo(ADMIN);
    list(as("admin"), registered.id()).expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(2);
    remove(as("admin"), registered.id(), BROKER).expectStatus().isNoContent();
  }

  @Test
  void a_subject_is_a_member_once() {
    var registered = register("university");
    addMember("university", registered.id(), UNIVERSITY2, "MEMBER");
    problem(add(as("university"), registered.id(), Map.of("subject", UNIVERSITY2, "role", "EDITOR")),
        HttpStatus.CONFLICT, "conflict").jsonPath("$.errors[0].code").isEqualTo("already-member");
    problem(add(as("university"), registered.id(), Map.of("subject", UNIVERSITY, "role", "MEMBER")),
        HttpStatus.CONFLICT, "conflict");
  }

  @Test
  void a_new_member_needs_a_subject_and_a_role() {
    var registered = register("university");
    rejectsField(add(as("university"), registered.id(), Map.of("role", "MEMBER")), "subject", "required");
    rejectsField(add(as("university"), registered.id(), Map.of("subject", UNIVERSITY2)), "role", "required");
    rejectsField(add(as("university"), registered.id(), Map.of("subject", "有 空格", "role", "MEMBER")), "subject",
        "format");
    rejectsField(add(as("university"), registered.id(), Map.of("subject", "x".repeat(256), "role", "MEMBER")),
        "subject", "format");
    problem(add(as("university"), registered.id(), Map.of("subject", UNIVERSITY2, "role", "ADMIN")),
        HttpStatus.BAD_REQUEST, "malformed-request").jsonPath("$.errors[0].field").isEqualTo("role");
    problem(add(as("university"), registered.id(), Map.of("subject", UNIVERSITY2, "role", "MEMBER", "addedBy", "x")),
        HttpStatus.BAD_REQUEST, "malformed-request").jsonPath("$.errors[0].code").isEqualTo("unknown-field");
  }

  @Test
  void an_unknown_organisation_is_404() {
    problem(list(as("admin"), UUID.randomUUID()), HttpStatus.NOT_FOUND, "not-found");
    problem(add(as("admin"), UUID.randomUUID(), Map.of("subject", BROKER, "role", "MEMBER")), HttpStatus.NOT_FOUND,
        "not-found");
  }

  @Test
  void membership_changes_are_kept_in_the_history() {
    var registered = register("enterprise");
    addMember("enterprise", registered.id(), BROKER, "EDITOR");
    remove(as("enterprise"), registered.id(), BROKER).expectStatus().isNoContent();
    var history = history(registered.id());
    assertThat(history).extracting(entry -> entry.get("change_type"))
        .containsExactly("REGISTERED", "MEMBER_ADDED", "MEMBER_REMOVED");
    assertThat((String) history.get(1).get("changes")).contains(BROKER, "EDITOR");
    assertThat(history.get(2)).containsEntry("changed_by", ENTERPRISE);
  }
}
