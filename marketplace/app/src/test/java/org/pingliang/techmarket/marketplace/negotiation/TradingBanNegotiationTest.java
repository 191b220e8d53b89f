package org.pingliang.techmarket.marketplace.negotiation;

import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.credit.CreditTestSupport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A blacklisted organisation can neither open an inquiry, nor make or accept an offer. */
class TradingBanNegotiationTest extends NegotiationApiTest {

  WebTestClient.ResponseSpec english(String user, HttpMethod method, String uri, Object body) {
    var request = as(user).method(method).uri(uri).header(HttpHeaders.ACCEPT_LANGUAGE, "en");
    return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  @Test
  void a_banned_enterprise_cannot_inquire() {
    var ban = CreditTestSupport.ban(this::as, enterprise, "恶意压价后拒签合同");
    CreditTestSupport.assertTradingBanned(english("enterprise", HttpMethod.POST, "/api/negotiations",
        inquiry("ACHIEVEMENT", achievement, enterprise)));
    CreditTestSupport.lift(this::as, ban);
    call(as("enterprise"), HttpMethod.POST, "/api/negotiations", inquiry("ACHIEVEMENT", achievement, enterprise))
        .expectStatus().isCreated().expectBody().returnResult();
  }

  @Test
  void a_banned_party_cannot_make_or_accept_offers() {
    var room = room();
    var offer = makeOffer("university", room, 30_000_000);
    var ban = CreditTestSupport.ban(this::as, enterprise, "提供虚假资质材料");
    CreditTestSupport.assertTradingBanned(english("enterprise", HttpMethod.POST, "/api/negotiations/" + room + "/offers",
        offer(28_000_000)));
    CreditTestSupport.assertTradingBanned(english("enterprise", HttpMethod.POST,
        "/api/negotiations/" + room + "/offers/" + offer + "/acceptance", null));
    CreditTestSupport.lift(this::as, ban);
    call(as("enterprise"), HttpMethod.POST, "/api/negotiations/" + room + "/offers/" + offer + "/acceptance", null)
        .expectStatus().isOk().expectBody().returnResult();
  }

  @Test
  void nobody_closes_a_deal_with_a_banned_party() {
    var room = roomOn(publishedAchievement());
    var offer = makeOffer("enterprise", room, 30_000_000);
    var ban = CreditTestSupport.ban(this::as, enterprise, "串通围标");
    CreditTestSupport.assertTradingBanned(english("university", HttpMethod.POST,
        "/api/negotiations/" + room + "/offers/" + offer + "/acceptance", null));
    CreditTestSupport.lift(this::as, ban);
    call(as("university"), HttpMethod.POST, "/api/negotiations/" + room + "/offers/" + offer + "/acceptance", null)
        .expectStatus().isOk().expectBody().returnResult();
  }
}
