package org.pingliang.techmarket.searchindexer.listing;

import java.util.UUID;

/** Payloads shaped like marketplace's listing events, for tests. */
final class ListingTestEvents {

  private ListingTestEvents() {}

  static String achievement(String title, String status) {
    return """
        {"status":"%s","title":"%s","summary":"茎尖脱毒与雾培快繁","description":"适用于庄浪、静宁旱作区",
         "technologyField":"AGRICULTURE","maturity":"PILOT_SCALE","industryTags":["马铃薯","种业"],
         "transferModes":["LICENCE"],"askingPrice":{"amountFen":1234500,"currency":"CNY"},"priceNegotiable":false,
         "regionCode":"620825","organisation":{"id":"%s","name":"测试大学"}}""".formatted(status, title, UUID.randomUUID());
  }

  static ListingDocument achievementDocument(UUID id, long version, String title) {
    return ListingDocument.of("Achievement", id, version, achievement(title, "PUBLISHED"));
  }
}
