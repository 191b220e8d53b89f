package org.pingliang.techmarket.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.pingliang.techmarket.testsupport.KeycloakTokens;

/**
 * The listing benchmarks of the "Listings" issue, against a running marketplace started with the
 * {@code benchmark} profile (infra/bin/bench-listings does all of it):
 * <ol>
 *   <li>create-listing throughput and p50/p99 latency at concurrency 32 through the real endpoint
 *       (token, validation, membership, row + history + outbox in one transaction), against the
 *       same insert by a bare WebFlux + R2DBC endpoint, alternating rounds in the same run;</li>
 *   <li>bulk import (成果汇交) of 10,000 CSV rows, first run and an idempotent re-run.</li>
 * </ol>
 */
public final class ListingBenchmark {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

  public static void main(String[] args) throws Exception {
    var base = args.length > 0 ? args[0] : "http://127.0.0.1:8090";
    var rounds = Integer.getInteger("rounds", 3);
    var perRound = Integer.getInteger("requests", 4000);
    var concurrency = Integer.getInteger("concurrency", 32);
    var importRows = Integer.getInteger("importRows", 10_000);
    var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    var university = KeycloakTokens.user("university");
    var admin = KeycloakTokens.user("admin");
    var organisation = organisation(http, base, university, admin);
    var form = achievementJson(organisation);

    System.out.printf(Locale.ROOT, "warming up (%d requests each)%n", 1000);
    Load.run(http, 1000, concurrency, 201, i -> Load.post(base + "/api/achievements", form)
        .header("Authorization", "Bearer " + KeycloakTokens.user("university")).build());
    Load.run(http, 1000, concurrency, 201, i -> Load.post(base + "/bench/achievements", form).build());

    var real = new ArrayList<Load.Result>();
    var bare = new ArrayList<Load.Result>();
    for (var round = 1; round <= rounds; round++) {
      var token = KeycloakTokens.user("university");
      real.add(Load.run(http, perRound, concurrency, 201, i -> Load.post(base + "/api/achievements", form)
          .header("Authorization", "Bearer " + token).build()));
      bare.add(Load.run(http, perRound, concurrency, 201, i -> Load.post(base + "/bench/achievements", form).build()));
      System.out.printf(Locale.ROOT, "round %d: real %.0f req/s (p50 %.1f ms, p99 %.1f ms, %d failed) | bare %.0f req/s (p50 %.1f ms, p99 %.1f ms, %d failed)%n",
          round, real.getLast().throughput(), real.getLast().percentile(50), real.getLast().percentile(99), real.getLast().failures(),
          bare.getLast().throughput(), bare.getLast().percentile(50), bare.getLast().percentile(99), bare.getLast().failures());
    }

    var firstImport = importRun(http, base, organisation, importRows, "first run");
    var rerun = importRun(http, base, organisation, importRows, "re-run (unchanged)");

    var realThroughput = Load.median(real.stream().map(Load.Result::throughput).toList());
    var bareThroughput = Load.median(bare.stream().map(Load.Result::throughput).toList());
    System.out.println();
    System.out.printf(Locale.ROOT, "== bench-listings: %d cores, concurrency %d, %d rounds x %d requests, medians%n",
        Runtime.getRuntime().availableProcessors(), concurrency, rounds, perRound);
    System.out.printf(Locale.ROOT, "%-48s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms%n", "create achievement, real endpoint",
        realThroughput, Load.median(real.stream().map(r -> r.percentile(50)).toList()),
        Load.median(real.stream().map(r -> r.percentile(99)).toList()));
    System.out.printf(Locale.ROOT, "%-48s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms%n", "same insert, bare WebFlux + R2DBC (baseline)",
        bareThroughput, Load.median(bare.stream().map(r -> r.percentile(50)).toList()),
        Load.median(bare.stream().map(r -> r.percentile(99)).toList()));
    System.out.printf(Locale.ROOT, "%-48s %8.2f      goal >= 0.80%n", "throughput ratio real / baseline", realThroughput / bareThroughput);
    System.out.printf(Locale.ROOT, "%-48s %8.1f s    goal <= 30 s   ratio %.2f%n", "bulk import " + importRows + " rows, first run",
        firstImport, firstImport / 30);
    System.out.printf(Locale.ROOT, "%-48s %8.1f s%n", "bulk import " + importRows + " rows, re-run", rerun);
  }

  private static double importRun(HttpClient http, String base, UUID organisation, int rows, String label) throws Exception {
    var csv = new StringBuilder("外部编号,成果名称,成果简介,详细介绍,技术领域,行业标签,成熟度,技术就绪度,专利申请号,转化方式,价格（元）,行政区划代码\r\n");
    for (var i = 0; i < rows; i++) {
      csv.append("BENCH-").append(organisation.toString(), 0, 8).append('-').append(i)
          .append(",马铃薯种薯繁育技术 ").append(i).append(",雾培快繁,适用于旱作区,农业,马铃薯、种业,中试,6,202310123456.6,许可、技术服务,")
          .append(1000 + i).append(",620825\r\n");
    }
    var boundary = "bench" + UUID.randomUUID();
    var body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"organisationId\"\r\n\r\n" + organisation + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    var token = KeycloakTokens.user("university");
    var started = System.nanoTime();
    var response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/achievement-imports"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IllegalStateException("import upload answered " + response.statusCode() + ": " + response.body());
    }
    var job = first(ID, response.body());
    String status;
    String last;
    do {
      Thread.sleep(250);
      last = http.send(HttpRequest.newBuilder(URI.create(base + "/api/achievement-imports/" + job))
          .header("Authorization", "Bearer " + KeycloakTokens.user("university")).build(), HttpResponse.BodyHandlers.ofString()).body();
      status = first(STATUS, last);
    } while (!status.equals("COMPLETED") && !status.equals("FAILED"));
    var seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(Locale.ROOT, "import %s: %s in %.1f s: %s%n", label, status, seconds, last);
    return seconds;
  }

  private static UUID organisation(HttpClient http, String base, String owner, String admin) throws Exception {
    var body = """
        {"name":"基准测试研究院 %s","kind":"UNIVERSITY","creditCode":"%s","regionCode":"620802","legalEntityType":{"category":"PUBLIC_INSTITUTION","subtype":"HIGHER_EDUCATION"}}"""
        .formatted(UUID.randomUUID().toString().substring(0, 8), creditCode());
    var created = http.send(Load.post(base + "/api/organisations", body).header("Authorization", "Bearer " + owner).build(),
        HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("organisation: " + created.statusCode() + " " + created.body());
    }
    var id = UUID.fromString(first(ID, created.body()));
    var verified = http.send(Load.post(base + "/api/organisations/" + id + "/verification", "{\"decision\":\"VERIFIED\"}")
        .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
    if (verified.statusCode() != 200) {
      throw new IllegalStateException("verification: " + verified.statusCode() + " " + verified.body());
    }
    return id;
  }

  private static String achievementJson(UUID organisation) {
    return """
        {"organisationId":"%s","title":"马铃薯脱毒种薯快繁技术","summary":"雾培快繁，种薯退化率降到 5%% 以下",
         "description":"适用于庄浪、静宁等旱作区","technologyField":"AGRICULTURE","industryTags":["马铃薯","种业"],
         "maturity":"PILOT_SCALE","trl":6,"ip":{"patents":[],"softwareCopyrights":[],"plantVarieties":[]},
         "transferModes":["LICENCE","TECHNICAL_SERVICE"],"askingPrice":{"amountFen":50000000,"currency":"CNY"},
         "priceNegotiable":false,"regionCode":"620825"}""".formatted(organisation);
  }

  private static String first(Pattern pattern, String text) {
    var matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("unexpected answer: " + text);
    }
    return matcher.group(1);
  }

  private static String creditCode() {
    var alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    var code = new StringBuilder("12620800");
    var random = ThreadLocalRandom.current();
    for (var i = 0; i < 9; i++) {
      code.append(alphabet.charAt(random.nextInt(31)));
    }
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      sum += alphabet.indexOf(code.charAt(i)) * weights[i];
    }
    return code.append(alphabet.charAt((31 - sum % 31) % 31)).toString();
  }

  private ListingBenchmark() {}
}
