package org.pingliang.techmarket.marketplace.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.credit.CreditTestSupport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Listing, browsing and booking instruments, with the role rules of every route. */
class InstrumentApiTest extends InstrumentTestSupport {


  @BeforeEach
  void organisations() {
    demo();
  }

  @Test
  @SuppressWarnings("unchecked")
  void an_institution_lists_an_instrument_and_anyone_browses_it() {
    var created = createInstrument(30_000, List.of(Map.of("dayOfWeek", 1, "startHour", 9, "endHour", 12)));
    var id = (String) created.get("id");
    assertThat(created.get("organisationName")).isEqualTo("平凉泾河职业技术学院");
    assertThat(created.get("status")).isEqualTo("ACTIVE");
    assertThat(created.get("hourlyFee")).isEqualTo(Map.of("amountFen", 30_000, "currency", "CNY"));

    var page = http.get().uri("/api/instruments?organisationId=" + COLLEGE + "&size=100").exchange()
        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    assertThat(((List<Map<String, Object>>) page.get("items")).stream().map(i -> i.get("id"))).contains(id);
    var shown = http.get().uri("/api/instruments/" + id).exchange().expectStatus().isOk()
        .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"").expectBody(Map.class).returnResult().getResponseBody();
    assertThat(shown.get("model")).isEqualTo("Waters e2695");

    // Only Monday 9–12 is open: three slots in any week, all free.
    var slots = http.get().uri("/api/instruments/" + id + "/slots?days=7").exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    var list = (List<Map<String, Object>>) slots.get("slots");
    assertThat(list).hasSize(3);
    assertThat(slots.get("timezone")).isEqualTo("Asia/Shanghai");
  }

  @Test
  void role_rules_for_instruments() {
    var form = instrumentForm(COLLEGE, 10_000, allDay());
    http.post().uri("/api/instruments").contentType(MediaType.APPLICATION_JSON).bodyValue(form).exchange()
        .expectStatus().isUnauthorized();
    problem(as("broker").post().uri("/api/instruments").contentType(MediaType.APPLICATION_JSON).bodyValue(form)
        .exchange(), 403, "forbidden");
    // Another organisation's member: university2 (agri institute) for the college.
    problem(as("university2").post().uri("/api/instruments").contentType(MediaType.APPLICATION_JSON).bodyValue(form)
        .exchange(), 403, "forbidden");
    // An enterprise is not an institution.
    var ownEnterprise = problem(as("enterprise").post().uri("/api/instruments").contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.ACCEPT_LANGUAGE, "en").bodyValue(instrumentForm(APPLE_ENTERPRISE, 10_000, allDay()))
        .exchange(), 403, "forbidden");
    assertThat((String) ownEnterprise.get("detail")).contains("universities");
    // The commissioner owns the service provider: it may list instruments.
    as("commissioner").post().uri("/api/instruments").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(instrumentForm(UUID.fromString("01941f29-7c00-7000-8000-000000000010"), 5_000, allDay()))
        .exchange().expectStatus().isCreated().expectBody().returnResult();

    var id = instrument();
    var edit = new HashMap<>(instrumentForm(null, 25_000, allDay()));
    edit.put("version", 1);
    as("university2").put().uri("/api/instruments/" + id).contentType(MediaType.APPLICATION_JSON).bodyValue(edit)
        .exchange().expectStatus().isForbidden().expectBody().returnResult();
    as("enterprise").put().uri("/api/instruments/" + id).contentType(MediaType.APPLICATION_JSON).bodyValue(edit)
        .exchange().expectStatus().isForbidden().expectBody().returnResult();
    http.put().uri("/api/instruments/" + id).contentType(MediaType.APPLICATION_JSON).bodyValue(edit)
        .exchange().expectStatus().isUnauthorized();
    as("university").put().uri("/api/instruments/" + id).contentType(MediaType.APPLICATION_JSON).bodyValue(edit)
        .exchange().expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
        .expectBody().jsonPath("$.hourlyFee.amountFen").isEqualTo(25_000);
    problem(as("university").put().uri("/api/instruments/" + id).contentType(MediaType.APPLICATION_JSON).bodyValue(edit)
        .exchange(), 409, "conflict");

    // Withdrawn: gone for the public, still there for the college's members.
    var withdraw = new HashMap<>(edit);
    withdraw.put("version", 2);
    withdraw.put("status", "WITHDRAWN");
    as("university").put().uri("/api/instruments/" + id).contentType(MediaType.APPLICATION_JSON).bodyValue(withdraw)
        .exchange().expectStatus().isOk().expectBody().returnResult();
    http.get().uri("/api/instruments/" + id).exchange().expectStatus().isNotFound().expectBody().returnResult();
    as("university2").get().uri("/api/instruments/" + id).exchange().expectStatus().isNotFound().expectBody()
        .returnResult();
    as("university").get().uri("/api/instruments/" + id).exchange().expectStatus().isOk().expectBody().returnResult();
  }

  @Test
  @SuppressWarnings("unchecked")
  void invalid_instruments_name_every_broken_field() {
    var form = new HashMap<>(instrumentForm(COLLEGE, -1, List.of(Map.of("dayOfWeek", 8, "startHour", 9, "endHour", 8))));
    form.put("name", " ");
    form.put("countyCode", "110101");
    form.put("maxHoursPerBooking", 30);
    var body = problem(as("university").post().uri("/api/instruments").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(form).exchange(), 422, "validation-failed");
    var fields = ((List<Map<String, Object>>) body.get("errors")).stream().map(e -> e.get("field")).toList();
    assertThat(fields).contains("name", "countyCode", "hourlyFee.amountFen", "maxHoursPerBooking", "availability[0]");
  }

  @Test
  @SuppressWarnings("unchecked")
  void an_enterprise_books_pays_and_the_institution_completes() {
    var instrument = instrument();
    var startsAt = at(3, 10);
    var booking = booked("enterprise", bookingRequest(instrument, APPLE_ENTERPRISE, startsAt, 2));
    var bookingId = UUID.fromString((String) booking.get("id"));
    var orderId = UUID.fromString((String) booking.get("orderId"));
    assertThat(booking.get("status")).isEqualTo("PENDING_PAYMENT");
    assertThat(booking.get("fee")).isEqualTo(Map.of("amountFen", 40_000, "currency", "CNY"));
    assertThat(booking.get("checkoutPath")).isEqualTo("/orders/" + orderId);
    // The real checkout opened the order that pays for the booking.
    var order = order("enterprise", orderId);
    assertThat(order.get("purpose")).isEqualTo("BOOKING");
    assertThat(order.get("referenceId")).isEqualTo(bookingId.toString());
    assertThat(order.get("status")).isEqualTo("OPEN");
    assertThat(order.get("amount")).isEqualTo(Map.of("amountFen", 40_000, "currency", "CNY"));
    assertThat(order.get("buyerOrganisationId")).isEqualTo(APPLE_ENTERPRISE.toString());
    assertThat(order.get("providerOrganisationId")).isEqualTo(COLLEGE.toString());

    // The slot is taken for everyone now.
    var slots = (List<Map<String, Object>>) http.get()
        .uri("/api/instruments/" + instrument + "/slots?from=" + startsAt.toLocalDate() + "&days=1").exchange()
        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("slots");
    assertThat(slots.stream().filter(s -> !(Boolean) s.get("free")).count()).isEqualTo(2);

    // Strangers, anonymous and wrong roles.
    as("enterprise2").get().uri("/api/instrument-bookings/" + bookingId).exchange().expectStatus().isNotFound()
        .expectBody().returnResult();
    problem(as("enterprise2").post().uri("/api/instrument-bookings/" + bookingId + "/cancellation").exchange(), 404,
        "not-found");
    http.get().uri("/api/instrument-bookings/" + bookingId).exchange().expectStatus().isUnauthorized();
    http.post().uri("/api/instrument-bookings").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(bookingRequest(instrument, APPLE_ENTERPRISE, at(3, 14), 1)).exchange().expectStatus().isUnauthorized();
    problem(as("university").post().uri("/api/instrument-bookings").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(bookingRequest(instrument, APPLE_ENTERPRISE, at(3, 14), 1)).exchange(), 403, "forbidden");
    // enterprise2 is no member of the apple enterprise.
    problem(book("enterprise2", bookingRequest(instrument, APPLE_ENTERPRISE, at(3, 14), 1)), 403, "forbidden");
    // Only the institution marks completion, and only once paid.
    problem(as("enterprise").post().uri("/api/instrument-bookings/" + bookingId + "/completion").exchange(), 403,
        "forbidden");
    problem(as("university").post().uri("/api/instrument-bookings/" + bookingId + "/completion").exchange(), 409,
        "conflict");

    pay(bookingId, orderId);
    pay(bookingId, orderId);
    as("enterprise").get().uri("/api/instrument-bookings/" + bookingId).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");
    problem(as("enterprise").post().uri("/api/instrument-bookings/" + bookingId + "/cancellation").exchange(), 409,
        "conflict");
    as("university").post().uri("/api/instrument-bookings/" + bookingId + "/completion").exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("COMPLETED");

    var mine = as("enterprise").get().uri("/api/instrument-bookings?side=BOOKER&size=100").exchange()
        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    assertThat(((List<Map<String, Object>>) mine.get("items")).stream().map(b -> b.get("id"))).contains(bookingId.toString());
    var provided = as("university").get().uri("/api/instrument-bookings?side=PROVIDER&organisationId=" + COLLEGE
        + "&size=100").exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    assertThat(((List<Map<String, Object>>) provided.get("items")).stream().map(b -> b.get("id")))
        .contains(bookingId.toString());
    var strangers = as("university2").get().uri("/api/instrument-bookings?side=PROVIDER&size=100").exchange()
        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    assertThat(((List<Map<String, Object>>) strangers.get("items")).stream().map(b -> b.get("id")))
        .doesNotContain(bookingId.toString());

    // The completed booking is an engagement both sides may rate.
    var engagements = as("enterprise").get().uri("/api/engagements?size=100").exchange().expectStatus().isOk()
        .expectBody(List.class).returnResult().getResponseBody();
    var engagement = ((List<Map<String, Object>>) engagements).stream()
        .filter(e -> bookingId.toString().equals(e.get("referenceId"))).findFirst().orElseThrow();
    assertThat(engagement.get("kind")).isEqualTo("BOOKING");
    assertThat(engagement.get("youMayRate")).isEqualTo(List.of(0));
  }

  @Test
  void cancelling_releases_the_slot() {
    var instrument = instrument();
    var request = bookingRequest(instrument, APPLE_ENTERPRISE, at(4, 9), 3);
    var first = booked("enterprise", request);
    var firstId = UUID.fromString((String) first.get("id"));
    problem(book("enterprise2", bookingRequest(instrument, POTATO_ENTERPRISE, at(4, 11), 1)), 409, "conflict");

    as("enterprise").post().uri("/api/instrument-bookings/" + firstId + "/cancellation")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "样品未到")).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
    assertThat(order("enterprise", UUID.fromString((String) first.get("orderId"))).get("status")).isEqualTo("CANCELLED");

    var second = booked("enterprise2", bookingRequest(instrument, POTATO_ENTERPRISE, at(4, 11), 1));
    // Checkout cancels an unpaid order (e.g. it expired): the slot is free again.
    cancelledByCheckout(UUID.fromString((String) second.get("id")), UUID.fromString((String) second.get("orderId")));
    as("enterprise2").get().uri("/api/instrument-bookings/" + second.get("id")).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
    booked("enterprise", request);
  }

  @Test
  @SuppressWarnings("unchecked")
  void bookings_outside_the_rules_are_refused() {
    var restricted = UUID.fromString((String) createInstrument(10_000,
        List.of(Map.of("dayOfWeek", 1, "startHour", 9, "endHour", 12), Map.of("dayOfWeek", 2, "startHour", 9, "endHour", 12),
            Map.of("dayOfWeek", 3, "startHour", 9, "endHour", 12), Map.of("dayOfWeek", 4, "startHour", 9, "endHour", 12),
            Map.of("dayOfWeek", 5, "startHour", 9, "endHour", 12), Map.of("dayOfWeek", 6, "startHour", 9, "endHour", 12),
            Map.of("dayOfWeek", 7, "startHour", 9, "endHour", 12))).get("id"));
    var outside = problem(book("enterprise", bookingRequest(restricted, APPLE_ENTERPRISE, at(5, 11), 2)), 422,
        "validation-failed");
    assertThat(((List<Map<String, Object>>) outside.get("errors")).getFirst().get("code")).isEqualTo("outside-availability");
    var tooLong = problem(book("enterprise", bookingRequest(restricted, APPLE_ENTERPRISE, at(5, 9), 5)), 422,
        "validation-failed");
    assertThat(((List<Map<String, Object>>) tooLong.get("errors")).getFirst().get("code")).isEqualTo("hours-range");
    var past = problem(book("enterprise", bookingRequest(restricted, APPLE_ENTERPRISE, at(-1, 9), 1)), 422,
        "validation-failed");
    assertThat(((List<Map<String, Object>>) past.get("errors")).getFirst().get("code")).isEqualTo("notice");
    var halfHour = problem(book("enterprise", bookingRequest(restricted, APPLE_ENTERPRISE, at(5, 9).plusMinutes(30), 1)),
        422, "validation-failed");
    assertThat(((List<Map<String, Object>>) halfHour.get("errors")).getFirst().get("code")).isEqualTo("whole-hour");
    problem(book("enterprise", bookingRequest(UUID.randomUUID(), APPLE_ENTERPRISE, at(5, 9), 1)), 404, "not-found");
  }

  @Test
  void a_blacklisted_enterprise_cannot_book() {
    var banned = CreditTestSupport.verifiedOrganisation(this::as, "enterprise", "ENTERPRISE", "失信测试企业");
    var instrument = instrument();
    var ban = CreditTestSupport.ban(this::as, banned, "虚报仪器使用用途骗取创新券");
    CreditTestSupport.assertTradingBanned(book("enterprise", bookingRequest(instrument, banned, at(6, 10), 1)));
    CreditTestSupport.lift(this::as, ban);
    booked("enterprise", bookingRequest(instrument, banned, at(6, 10), 1));
  }
}
