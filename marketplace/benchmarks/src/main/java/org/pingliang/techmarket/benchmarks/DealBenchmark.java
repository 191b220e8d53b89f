package org.pingliang.techmarket.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.pingliang.techmarket.testsupport.KeycloakTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The full-deal benchmark of the "Deals" issue, against a running marketplace started with the
 * {@code benchmark} profile (infra/bin/bench-deals does all of it). Every deal goes through the public
 * API with real Keycloak tokens of the demo users, the way the parties and the registrar would:
 * inquiry (enterprise) → offer (university on even deals, enterprise on odd ones) → acceptance (the
 * other side; drafts the contract) → read the room for the contract id → read the draft → complete
 * the registration fields (PUT) → signature request → seller's signature → buyer's signature →
 * submission → registration (admin). {@code concurrency} workers run deals closed-loop; each worker
 * bargains on its own published achievement, so no two deals ever share an open room.
 *
 * <p>At the end every contract is read back through the API and the deals that ended REGISTERED are
 * counted; the exit status is 1 unless all of them did.
 */
public final class DealBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final ConcurrentLinkedQueue<UUID> contracts = new ConcurrentLinkedQueue<>();
  private final AtomicInteger started = new AtomicInteger();
  private UUID institute;
  private UUID enterprise;
  private List<UUID> listings;

  private DealBenchmark(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    var base = args.length > 0 ? args[0] : "http://127.0.0.1:8090";
    var deals = Integer.getInteger("deals", 200);
    var concurrency = Integer.getInteger("concurrency", 16);
    var rounds = Integer.getInteger("rounds", 3);
    var warmup = Integer.getInteger("warmup", 4 * concurrency);
    var bench = new DealBenchmark(base);

    bench.prepare(concurrency);
    if (warmup > 0) {
      var round = bench.round(warmup, concurrency);
      System.out.println("warm-up: " + round.summary(0));
    }
    var measured = new ArrayList<DealRound>();
    for (var r = 1; r <= rounds; r++) {
      var round = bench.round(deals, concurrency);
      measured.add(round);
      System.out.println(round.summary(r));
      round.firstErrors().forEach(e -> System.out.println("  failed " + e));
    }
    var registered = bench.registered(concurrency);
    System.out.println();
    System.out.print(DealReport.table(measured, concurrency, Runtime.getRuntime().availableProcessors(), registered,
        bench.started.get()));
    if (registered != bench.started.get()) {
      System.exit(1);
    }
  }

  /** Two verified organisations (university sells, enterprise buys) and one published achievement per worker. */
  private void prepare(int concurrency) {
    institute = organisation("university", "UNIVERSITY", "12620800");
    enterprise = organisation("enterprise", "ENTERPRISE", "91620800");
    listings = new ArrayList<>();
    for (var i = 0; i < concurrency; i++) {
      var id = id(expect(send("university", "POST", "/api/achievements", achievement(institute)), 201));
      expect(send("university", "POST", "/api/achievements/" + id + "/submission", null), 200);
      expect(send("admin", "POST", "/api/achievements/" + id + "/publication", null), 200);
      listings.add(id);
    }
    System.out.printf(Locale.ROOT, "prepared: seller organisation %s (owner university), buyer %s (owner enterprise), %d published achievements%n",
        institute, enterprise, listings.size());
  }

  private DealRound round(int deals, int concurrency) throws InterruptedException {
    var round = new DealRound(deals);
    var next = new AtomicInteger();
    var begun = System.nanoTime();
    try (var workers = Executors.newFixedThreadPool(concurrency)) {
      for (var w = 0; w < concurrency; w++) {
        var listing = listings.get(w);
        workers.submit(() -> {
          var leftOpenRoom = false;
          for (var i = next.getAndIncrement(); i < deals; i = next.getAndIncrement()) {
            started.incrementAndGet();
            var dealBegun = System.nanoTime();
            try {
              deal(round, listing, i % 2 == 0, leftOpenRoom);
              round.completed((System.nanoTime() - dealBegun) / 1e6);
              leftOpenRoom = false;
            } catch (StepFailed e) {
              // The room may still be open: the next inquiry on this listing then returns it (200).
              leftOpenRoom = true;
            } catch (RuntimeException e) {
              leftOpenRoom = true;
              System.err.println("deal " + i + " stopped: " + e);
            }
          }
          return null;
        });
      }
    }
    round.finished((System.nanoTime() - begun) / 1e9);
    return round;
  }

  /** One complete deal; a step that answers anything but its expected status (and state) ends the deal. */
  private void deal(DealRound round, UUID listing, boolean sellerOffers, boolean mayReuseRoom) {
    var inquiry = Map.of("listingType", "ACHIEVEMENT", "listingId", listing.toString(), "organisationId",
        enterprise.toString());
    var room = id(step(round, DealStep.INQUIRY, "enterprise", "POST", "/api/negotiations", inquiry, "OPEN",
        mayReuseRoom ? new int[] {201, 200} : new int[] {201}));
    var offerer = sellerOffers ? "university" : "enterprise";
    var accepter = sellerOffers ? "enterprise" : "university";
    var offer = id(step(round, DealStep.OFFER, offerer, "POST", "/api/negotiations/" + room + "/offers",
        offer(30_000_000), "OPEN", 201));
    step(round, DealStep.ACCEPTANCE, accepter, "POST", "/api/negotiations/" + room + "/offers/" + offer + "/acceptance",
        null, "ACCEPTED", 200);
    // An AGREED room always carries the draft's id: acceptance and drafting commit together.
    var agreed = step(round, DealStep.ROOM, "enterprise", "GET", "/api/negotiations/" + room, null, "AGREED", 200);
    var contract = UUID.fromString(agreed.path("contractId").asString());
    contracts.add(contract);
    var uri = "/api/contracts/" + contract;
    var version = step(round, DealStep.DRAFT, "university", "GET", uri, null, "DRAFT", 200).path("version").asLong();
    step(round, DealStep.COMPLETION, "university", "PUT", uri, registrationFields(version), "DRAFT", 200);
    step(round, DealStep.SIGNATURE_REQUEST, "university", "POST", uri + "/signature-request", null,
        "AWAITING_SIGNATURES", 200);
    step(round, DealStep.SELLER_SIGNATURE, "university", "POST", uri + "/signatures", null, "AWAITING_SIGNATURES", 200);
    step(round, DealStep.BUYER_SIGNATURE, "enterprise", "POST", uri + "/signatures", null, "SIGNED", 200);
    step(round, DealStep.SUBMISSION, "university", "POST", uri + "/submission", null, "SUBMITTED", 200);
    step(round, DealStep.REGISTRATION, "admin", "POST", uri + "/registration", null, "REGISTERED", 200);
  }

  /**
   * Sends one timed request; the token is fetched (and refreshed when near expiry) before the clock
   * starts. The answer must have one of the expected statuses and, in its body, the expected state.
   */
  private JsonNode step(DealRound round, DealStep step, String user, String method, String path, Object body,
      String state, int... expected) {
    var request = request(user, method, path, body);
    var sent = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      round.request(step, (System.nanoTime() - sent) / 1e6, false, e.toString());
      throw new StepFailed();
    }
    var millis = (System.nanoTime() - sent) / 1e6;
    var failure = failure(response, state, expected);
    round.request(step, millis, failure == null, failure);
    if (failure != null) {
      throw new StepFailed();
    }
    return JSON.readTree(response.body());
  }

  /** Why an answer is not the expected one, or null when it is. */
  static String failure(HttpResponse<String> response, String state, int... expected) {
    for (var status : expected) {
      if (response.statusCode() == status) {
        var actual = JSON.readTree(response.body()).path("status").asString("");
        return state == null || state.equals(actual) ? null : "status " + actual + " instead of " + state;
      }
    }
    return response.statusCode() + " " + abbreviate(response.body());
  }

  /** Reads every contract of the run back (as the registrar) and counts the REGISTERED ones with a number. */
  private int registered(int concurrency) throws InterruptedException {
    var count = new AtomicInteger();
    try (var readers = Executors.newFixedThreadPool(concurrency)) {
      for (var contract : contracts) {
        readers.submit(() -> {
          var answer = JSON.readTree(expect(send("admin", "GET", "/api/contracts/" + contract, null), 200));
          if ("REGISTERED".equals(answer.path("status").asString())
              && answer.path("registration").path("registrationNumber").asString("").length() == 16) {
            count.incrementAndGet();
          }
          return null;
        });
      }
    }
    return count.get();
  }

  private UUID organisation(String owner, String kind, String creditPrefix) {
    var legal = "UNIVERSITY".equals(kind) ? Map.of("category", "PUBLIC_INSTITUTION", "subtype", "HIGHER_EDUCATION")
        : Map.of("category", "ENTERPRISE");
    var id = id(expect(send(owner, "POST", "/api/organisations", Map.of(
        "name", "交易基准测试机构 " + UUID.randomUUID().toString().substring(0, 8), "kind", kind,
        "creditCode", creditCode(creditPrefix), "regionCode", "620802", "legalEntityType", legal)), 201));
    expect(send("admin", "POST", "/api/organisations/" + id + "/verification", Map.of("decision", "VERIFIED")), 200);
    return id;
  }

  private HttpResponse<String> send(String user, String method, String path, Object body) {
    try {
      return http.send(request(user, method, path, body), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(method + " " + path + ": " + e, e);
    }
  }

  private HttpRequest request(String user, String method, String path, Object body) {
    var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + KeycloakTokens.user(user));
    if (body == null) {
      return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return builder.header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
  }

  private static String expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
          + response.statusCode() + ": " + abbreviate(response.body()));
    }
    return response.body();
  }

  private static UUID id(String body) {
    return id(JSON.readTree(body));
  }

  private static UUID id(JsonNode answer) {
    return UUID.fromString(answer.path("id").asString());
  }

  private static Map<String, Object> achievement(UUID organisation) {
    var form = new HashMap<String, Object>();
    form.put("organisationId", organisation.toString());
    form.put("title", "马铃薯脱毒种薯快繁技术");
    form.put("summary", "利用茎尖脱毒与雾培快繁，三年内把种薯退化率降到 5% 以下。");
    form.put("description", "适用于庄浪、静宁等海拔 1400–2000 米的旱作区。");
    form.put("technologyField", "AGRICULTURE");
    form.put("industryTags", List.of("马铃薯", "种业"));
    form.put("maturity", "PILOT_SCALE");
    form.put("trl", 6);
    form.put("ip", Map.of("patents", List.of(Map.of("applicationNumber", "202310123456.6", "title", "一种脱毒种薯雾培装置")),
        "softwareCopyrights", List.of(), "plantVarieties", List.of()));
    form.put("transferModes", List.of("LICENCE", "TECHNICAL_SERVICE"));
    form.put("askingPrice", money(50_000_000));
    form.put("priceNegotiable", false);
    form.put("regionCode", "620825");
    return form;
  }

  /** A 技术转让/专利权 offer in two milestones, valid for a week. */
  static Map<String, Object> offer(long priceFen) {
    var first = priceFen / 3;
    var body = new HashMap<String, Object>();
    body.put("price", money(priceFen));
    body.put("milestones", List.of(
        Map.of("sequence", 1, "title", "签约预付", "amount", money(first), "dueDate", LocalDate.now().plusMonths(1).toString()),
        Map.of("sequence", 2, "title", "验收尾款", "amount", money(priceFen - first),
            "dueDate", LocalDate.now().plusMonths(6).toString())));
    body.put("contractType", "TECHNOLOGY_TRANSFER");
    body.put("contractSubtype", "PATENT_RIGHT");
    body.put("scope", "转让专利 202310123456.6 的专利权，并提供三次现场技术指导。");
    body.put("termMonths", 12);
    body.put("expiresAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(7).toString());
    return body;
  }

  /** The registration fields the offer does not carry, for the draft at {@code version}. */
  static Map<String, Object> registrationFields(long version) {
    var form = new HashMap<String, Object>();
    form.put("version", version);
    form.put("contractType", "TECHNOLOGY_TRANSFER");
    form.put("contractSubtype", "PATENT_RIGHT");
    form.put("projectName", "马铃薯脱毒种薯快繁技术转让");
    form.put("deductions", Map.of("equipment", money(1_000_000), "rawMaterials", money(500_000),
        "carrierSamples", money(10_000)));
    form.put("expectedNewInvestment", money(200_000_000));
    form.put("expectedNewOutputValue", money(1_000_000_000));
    form.put("technologyField", "AGRICULTURE");
    form.put("ipInvolvement", List.of("PATENT"));
    form.put("planSource", "CITY_COUNTY");
    form.put("validFrom", LocalDate.now().toString());
    form.put("validUntil", LocalDate.now().plusYears(1).toString());
    return form;
  }

  private static Map<String, Object> money(long fen) {
    return Map.of("amountFen", fen, "currency", "CNY");
  }

  static String creditCode(String prefix) {
    var alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    var code = new StringBuilder(prefix);
    var random = ThreadLocalRandom.current();
    while (code.length() < 17) {
      code.append(alphabet.charAt(random.nextInt(31)));
    }
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      sum += alphabet.indexOf(code.charAt(i)) * weights[i];
    }
    return code.append(alphabet.charAt((31 - sum % 31) % 31)).toString();
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  /** A step answered wrongly; already recorded against that step. */
  private static final class StepFailed extends RuntimeException {
    StepFailed() {
      super(null, null, false, false);
    }
  }
}
