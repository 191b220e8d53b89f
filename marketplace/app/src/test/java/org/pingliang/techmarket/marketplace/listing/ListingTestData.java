package org.pingliang.techmarket.marketplace.listing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Builds what listing tests need through the API itself: verified organisations and valid forms. */
public final class ListingTestData {

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private ListingTestData() {}

  /** A fresh, valid unified social credit code registered in 平凉市. */
  public static String creditCode() {
    var random = ThreadLocalRandom.current();
    var code = new StringBuilder("91620800");
    for (var i = 0; i < 9; i++) {
      code.append(ALPHABET.charAt(random.nextInt(31)));
    }
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
    }
    return code.append(ALPHABET.charAt((31 - sum % 31) % 31)).toString();
  }

  /** Registers an organisation owned by {@code owner}; verified by the admin when asked. */
  public static UUID organisation(WebTestClient owner, WebTestClient admin, String kind, boolean verified) {
    var created = owner.post().uri("/api/organisations").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("name", "测试机构 " + UUID.randomUUID().toString().substring(0, 8), "kind", kind,
            "creditCode", creditCode(), "regionCode", "620826", "legalEntityType", legalType(kind)))
        .exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody();
    var id = UUID.fromString((String) created.get("id"));
    if (verified) {
      admin.post().uri("/api/organisations/{id}/verification", id).contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("decision", "VERIFIED")).exchange().expectStatus().isOk();
    }
    return id;
  }

  private static Map<String, String> legalType(String kind) {
    return switch (kind) {
      case "UNIVERSITY" -> Map.of("category", "PUBLIC_INSTITUTION", "subtype", "HIGHER_EDUCATION");
      case "RESEARCH_INSTITUTE" -> Map.of("category", "PUBLIC_INSTITUTION", "subtype", "RESEARCH_INSTITUTION");
      default -> Map.of("category", "ENTERPRISE");
    };
  }

  /** A complete, valid achievement form; tests change one field to break one rule. */
  public static Map<String, Object> achievement(UUID organisationId) {
    var form = new HashMap<String, Object>();
    form.put("organisationId", organisationId.toString());
    form.put("title", "马铃薯脱毒种薯快繁技术");
    form.put("summary", "利用茎尖脱毒与雾培快繁，三年内把种薯退化率降到 5% 以下。");
    form.put("description", "适用于庄浪、静宁等海拔 1400–2000 米的旱作区。");
    form.put("technologyField", "AGRICULTURE");
    form.put("industryTags", List.of("马铃薯", "种业"));
    form.put("maturity", "PILOT_SCALE");
    form.put("trl", 6);
    form.put("ip", Map.of("patents", List.of(Map.of("applicationNumber", "202310123456.6", "title", "一种脱毒种薯雾培装置")),
        "softwareCopyrights", List.of(), "plantVarieties", List.of("陇薯 7 号")));
    form.put("transferModes", List.of("LICENCE", "TECHNICAL_SERVICE"));
    form.put("askingPrice", Map.of("amountFen", 50_000_000, "currency", "CNY"));
    form.put("priceNegotiable", false);
    form.put("regionCode", "620825");
    return form;
  }

  /** A complete, valid demand form. */
  public static Map<String, Object> demand(UUID organisationId) {
    var form = new HashMap<String, Object>();
    form.put("organisationId", organisationId.toString());
    form.put("title", "苹果冷库节能改造");
    form.put("problem", "现有冷库每吨苹果每月耗电过高，果品失重率约 6%。");
    form.put("expectedOutcome", "能耗下降 20%，失重率降到 3% 以下。");
    form.put("budget", Map.of("min", Map.of("amountFen", 10_000_000, "currency", "CNY"),
        "max", Map.of("amountFen", 80_000_000, "currency", "CNY"), "negotiable", false));
    form.put("deadline", LocalDate.now().plusMonths(3).toString());
    form.put("cooperationModes", List.of("JOINT_DEVELOPMENT"));
    form.put("industryTags", List.of("苹果", "冷链"));
    form.put("technologyField", "NEW_ENERGY");
    form.put("regionCode", "620826");
    return form;
  }
}
