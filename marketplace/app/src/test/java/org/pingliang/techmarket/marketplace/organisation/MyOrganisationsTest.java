package org.pingliang.techmarket.marketplace.organisation;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** GET /api/me/organisations: the caller's organisations in any status, with their role in each. */
class MyOrganisationsTest extends OrganisationApiTest {

  @Test
  void lists_the_callers_organisations_with_the_role_in_each() {
    var owned = register("university2");
    var other = register("university");
    addMember("university", other.id(), UNIVERSITY2, "EDITOR");
    var foreign = registerVerified("university");

    as("university2").get().uri("/api/me/organisations").exchange()
        .expectStatus().isOk()
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.items[?(@.organisation.id == '%s')].role".formatted(owned.id())).isEqualTo("OWNER")
        .jsonPath("$.items[?(@.organisation.id == '%s')].role".formatted(other.id())).isEqualTo("EDITOR")
        .jsonPath("$.items[?(@.organisation.id == '%s')].organisation.verificationStatus".formatted(other.id()))
        .isEqualTo("PENDING")
        .jsonPath("$.items[?(@.organisation.id == '%s')]".formatted(foreign.id())).isEmpty();
  }

  @Test
  void a_removed_member_no_longer_sees_the_organisation_listed() {
    var organisation = register("enterprise");
    addMember("enterprise", organisation.id(), BROKER, "MEMBER");
    as("enterprise").delete().uri(ORGANISATIONS + "/{id}/members/{subject}", organisation.id(), BROKER).exchange()
        .expectStatus().isNoContent();
    as("broker").get().uri("/api/me/organisations").exchange().expectBody()
        .jsonPath("$.items[?(@.organisation.id == '%s')]".formatted(organisation.id())).isEmpty();
  }

  @Test
  void an_anonymous_caller_is_401() {
    problem(http.get().uri("/api/me/organisations").exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
  }
}
