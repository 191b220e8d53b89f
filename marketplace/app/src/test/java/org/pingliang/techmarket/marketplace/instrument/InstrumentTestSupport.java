package org.pingliang.techmarket.marketplace.instrument;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.checkout.CheckoutHooks;
import org.pingliang.techmarket.marketplace.contract.ContractTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Instruments of the demo college (owner: university) with every hour open, and bookings of them. */
abstract class InstrumentTestSupport extends ApiTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final UUID COLLEGE = ContractTestData.COLLEGE;
  static final UUID APPLE_ENTERPRISE = ContractTestData.APPLE_ENTERPRISE;
  /** 庄浪县梯田薯业淀粉有限公司, owner: enterprise2. */
  static final UUID POTATO_ENTERPRISE = UUID.fromString("01941f29-7c00-7000-8000-000000000005");
  static final String ENTERPRISE_SUBJECT = ContractTestData.ENTERPRISE_SUBJECT;

  @Autowired
  ApplicationContext context;

  void demo() {
    ContractTestData.demoOrganisations(context);
  }

  static Map<String, Object> instrumentForm(UUID organisationId, long hourlyFeeFen, List<Map<String, Object>> windows) {
    var body = new HashMap<String, Object>();
    if (organisationId != null) {
      body.put("organisationId", organisationId.toString());
    }
    body.put("name", "高效液相色谱仪 " + UUID.randomUUID().toString().substring(0, 6));
    body.put("model", "Waters e2695");
    body.put("category", "ANALYTICAL");
    body.put("description", "果品中糖酸与多酚含量分析。");
    body.put("location", "实验楼 C301");
    body.put("countyCode", "620802");
    body.put("hourlyFee", Map.of("amountFen", hourlyFeeFen, "currency", "CNY"));
    body.put("bookingRules", "自带色谱柱须提前说明。");
    body.put("maxHoursPerBooking", 4);
    body.put("minNoticeHours", 0);
    body.put("availability", windows);
    return body;
  }

  /** Every hour of every day. */
  static List<Map<String, Object>> allDay() {
    var windows = new ArrayList<Map<String, Object>>();
    for (var day = 1; day <= 7; day++) {
      windows.add(Map.of("dayOfWeek", day, "startHour", 0, "endHour", 24));
    }
    return windows;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> createInstrument(long hourlyFeeFen, List<Map<String, Object>> windows) {
    return as("university").post().uri("/api/instruments").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(instrumentForm(COLLEGE, hourlyFeeFen, windows)).exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody();
  }

  UUID instrument() {
    return UUID.fromString((String) createInstrument(20_000, allDay()).get("id"));
  }

  /** {@code daysAhead} days from today at {@code hour}:00 local time. */
  static OffsetDateTime at(int daysAhead, int hour) {
    return LocalDate.now(ZONE).plusDays(daysAhead).atTime(hour, 0).atZone(ZONE).toOffsetDateTime();
  }

  static Map<String, Object> bookingRequest(UUID instrument, UUID organisation, OffsetDateTime startsAt, int hours) {
    return Map.of("instrumentId", instrument.toString(), "organisationId", organisation.toString(),
        "startsAt", startsAt.toString(), "hours", hours, "purpose", "苹果多酚含量检测");
  }

  WebTestClient.ResponseSpec book(String user, Map<String, Object> request) {
    return as(user).post().uri("/api/instrument-bookings").contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.ACCEPT_LANGUAGE, "en").bodyValue(request).exchange();
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> booked(String user, Map<String, Object> request) {
    return book(user, request).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
  }

  /** Checkout reports the booking's order paid, as the voucher feature will, inside a transaction. */
  void pay(UUID bookingId, UUID orderId) {
    var hooks = context.getBeansOfType(CheckoutHooks.class).values().stream()
        .filter(bean -> bean.purpose().equals("BOOKING")).findFirst().orElseThrow();
    hooks.paid(bookingId, orderId).as(context.getBean(TransactionalOperator.class)::transactional)
        .block(Duration.ofSeconds(30));
  }

  /** The checkout order as its buyer sees it (GET /api/orders/{id}). */
  @SuppressWarnings("unchecked")
  Map<String, Object> order(String user, UUID orderId) {
    return as(user).get().uri("/api/orders/{id}", orderId).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
  }

  void cancelledByCheckout(UUID bookingId, UUID orderId) {
    var hooks = context.getBeansOfType(CheckoutHooks.class).values().stream()
        .filter(bean -> bean.purpose().equals("BOOKING")).findFirst().orElseThrow();
    hooks.cancelled(bookingId, orderId).as(context.getBean(TransactionalOperator.class)::transactional)
        .block(Duration.ofSeconds(30));
  }

  static Map<?, ?> problem(WebTestClient.ResponseSpec response, int status, String type) {
    var body = response.expectStatus().isEqualTo(status)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(Map.class).returnResult().getResponseBody();
    org.assertj.core.api.Assertions.assertThat(body.get("type")).isEqualTo(PROBLEM_BASE + type);
    return body;
  }
}
