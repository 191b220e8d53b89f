package org.pingliang.techmarket.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.pingliang.techmarket.testsupport.DevServices;
import org.pingliang.techmarket.testsupport.KeycloakTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Marketplace's public API as a client uses it, with real Keycloak tokens. */
final class Marketplace {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  /** A small set of texts: the fault test is about delivery, not about the model's speed. */
  private static final List<String[]> TOPICS = List.of(
      new String[] {"马铃薯脱毒种薯快繁技术", "茎尖脱毒与雾培快繁，降低种薯退化率"},
      new String[] {"静宁苹果矮砧密植栽培", "矮化自根砧，提早结果，优果率提高"},
      new String[] {"平凉红牛高效育肥", "全混合日粮配方，缩短育肥周期"},
      new String[] {"煤矿瓦斯智能监测预警", "多传感器融合，实时预警瓦斯超限"},
      new String[] {"崆峒山景区数字导览", "基于位置的语音导览与客流监测"},
      new String[] {"旱作农业全膜双垄沟播", "集雨保墒，玉米增产两成"},
      new String[] {"中药材黄芪标准化种植", "良种繁育与绿色防控技术规程"},
      new String[] {"煤化工废水近零排放", "膜浓缩与蒸发结晶组合工艺"});

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String url;

  Marketplace(String url) {
    this.url = url;
  }

  static String service() {
    return KeycloakTokens.client("techmarket-service", DevServices.get("TECHMARKET_SERVICE_CLIENT_SECRET"));
  }

  JsonNode send(String user, String method, String path, Object body, int expectedStatus) {
    var token = token(user);
    try {
      var request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
          .header("Authorization", "Bearer " + token)
          .header("Accept", "application/json");
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expectedStatus) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
            + response.body());
      }
      return response.body().isEmpty() ? null : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The user's token. A login on a busy Keycloak is occasionally answered with the login page
   * again; logging in once more is what a person would do (the API call itself is never repeated).
   */
  private static String token(String user) {
    return await("a token for " + user).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(1)).ignoreExceptionsInstanceOf(IllegalStateException.class)
        .until(() -> "service".equals(user) ? service() : KeycloakTokens.user(user), Objects::nonNull);
  }

  /** A verified organisation owned by the user. */
  UUID organisation(String owner, String kind) {
    var legal = "UNIVERSITY".equals(kind)
        ? Map.of("category", "PUBLIC_INSTITUTION", "subtype", "HIGHER_EDUCATION")
        : Map.of("category", "ENTERPRISE");
    var created = send(owner, "POST", "/api/organisations", Map.of(
        "name", "系统测试机构 " + UUID.randomUUID().toString().substring(0, 8), "kind", kind,
        "creditCode", creditCode(), "regionCode", "620826", "legalEntityType", legal), 201);
    var id = UUID.fromString(created.path("id").asString());
    send("admin", "POST", "/api/organisations/" + id + "/verification", Map.of("decision", "VERIFIED"), 200);
    return id;
  }

  /** Four changes of one achievement: created, submitted, published, withdrawn. */
  void achievementLifecycle(UUID organisation, int n, Runnable afterEachChange) {
    var topic = TOPICS.get(n % TOPICS.size());
    var form = new HashMap<String, Object>();
    form.put("organisationId", organisation.toString());
    form.put("title", topic[0]);
    form.put("summary", topic[1]);
    form.put("description", "适用于平凉市各县区，可提供技术培训与现场指导。");
    form.put("technologyField", "AGRICULTURE");
    form.put("industryTags", List.of("种植业"));
    form.put("maturity", "PILOT_SCALE");
    form.put("trl", 6);
    form.put("ip", Map.of("patents", List.of(), "softwareCopyrights", List.of(), "plantVarieties", List.of()));
    form.put("transferModes", List.of("LICENCE"));
    form.put("askingPrice", Map.of("amountFen", 50_000_000, "currency", "CNY"));
    form.put("priceNegotiable", false);
    form.put("regionCode", "620825");
    var id = send("university", "POST", "/api/achievements", form, 201).path("id").asString();
    afterEachChange.run();
    send("university", "POST", "/api/achievements/" + id + "/submission", Map.of(), 200);
    afterEachChange.run();
    send("admin", "POST", "/api/achievements/" + id + "/publication", Map.of(), 200);
    afterEachChange.run();
    send("university", "POST", "/api/achievements/" + id + "/withdrawal", Map.of("reason", "系统测试撤回"), 200);
    afterEachChange.run();
  }

  /** Four changes of one demand: opened, in negotiation, reopened, closed. */
  void demandLifecycle(UUID organisation, int n, Runnable afterEachChange) {
    var topic = TOPICS.get(n % TOPICS.size());
    var form = new LinkedHashMap<String, Object>();
    form.put("organisationId", organisation.toString());
    form.put("title", "求购：" + topic[0]);
    form.put("problem", "现有工艺效率低，希望引进" + topic[0]);
    form.put("expectedOutcome", topic[1]);
    form.put("budget", Map.of("min", Map.of("amountFen", 10_000_000, "currency", "CNY"),
        "max", Map.of("amountFen", 80_000_000, "currency", "CNY"), "negotiable", false));
    form.put("deadline", java.time.LocalDate.now().plusMonths(3).toString());
    form.put("cooperationModes", List.of("JOINT_DEVELOPMENT"));
    form.put("industryTags", List.of("种植业"));
    form.put("technologyField", "AGRICULTURE");
    form.put("regionCode", "620826");
    var id = send("enterprise", "POST", "/api/demands", form, 201).path("id").asString();
    afterEachChange.run();
    send("enterprise", "POST", "/api/demands/" + id + "/negotiation", Map.of(), 200);
    afterEachChange.run();
    send("enterprise", "POST", "/api/demands/" + id + "/reopening", Map.of(), 200);
    afterEachChange.run();
    send("enterprise", "POST", "/api/demands/" + id + "/closure", Map.of("reason", "系统测试关闭"), 200);
    afterEachChange.run();
  }

  /** Every listing in the database: id → version, read through the snapshot endpoint. */
  Map<String, Long> databaseVersions() {
    var versions = new HashMap<String, Long>();
    String cursor = null;
    do {
      var page = send("service", "GET", "/api/listing-snapshots?size=1000&payload=false"
          + (cursor == null ? "" : "&cursor=" + cursor), null, 200);
      for (var item : page.path("items")) {
        versions.put(item.path("id").asString(), item.path("version").asLong());
      }
      var next = page.path("nextCursor");
      cursor = next.isString() ? next.asString() : null;
    } while (cursor != null);
    return versions;
  }

  private static String creditCode() {
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
}
