package org.pingliang.techmarket.marketplace.listing.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** 成果汇交 end to end: good rows stored, bad rows reported by row, a second run changes nothing. */
class AchievementImportTest extends ApiTest {

  private static final String HEADER = "外部编号,成果名称,成果简介,详细介绍,技术领域,行业标签,成熟度,技术就绪度,专利申请号,转化方式,价格（元）,行政区划代码";

  private UUID institute;
  private String prefix;

  @BeforeEach
  void an_institute() {
    institute = ListingTestData.organisation(as("university"), as("admin"), "UNIVERSITY", true);
    prefix = "T" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  private String csv() {
    return HEADER + "\r\n"
        + prefix + "1,马铃薯脱毒种薯快繁技术,雾培快繁,适用于旱作区,农业,马铃薯、种业,中试,6,202310123456.6,许可、技术服务,500000,620825\r\n"
        + prefix + "2,苹果气调贮藏技术,气调库参数控制,已在 3 家企业应用,AGRICULTURE,苹果,可量产,,,LICENCE,面议,620826\r\n"
        + prefix + "3,专利号错误的一行,简介,介绍,农业,,中试,,202310123456.7,许可,1000,620826\r\n"
        + prefix + "4,煤矸石陶粒,固废利用,中试验证,新材料及其应用,煤电化工,中试,6,,转让,3000000.50,620881\r\n"
        + prefix + "5,,缺少名称,介绍,农业,,中试,,,许可,1000,620826\r\n";
  }

  private UUID upload(WebTestClient client, String fileName, byte[] content) {
    var body = new MultipartBodyBuilder();
    body.part("file", new ByteArrayResource(content)).filename(fileName);
    body.part("organisationId", institute.toString());
    var job = client.post().uri("/api/achievement-imports").contentType(MediaType.MULTIPART_FORM_DATA)
        .bodyValue(body.build()).exchange()
        .expectStatus().isAccepted()
        .expectBody(Map.class).returnResult().getResponseBody();
    return UUID.fromString((String) job.get("id"));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> finished(UUID job) {
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
        List.of("COMPLETED", "FAILED").contains(as("university").get().uri("/api/achievement-imports/{id}", job).exchange()
            .expectBody(Map.class).returnResult().getResponseBody().get("status")));
    return (Map<String, Object>) as("university").get().uri("/api/achievement-imports/{id}", job).exchange()
        .expectBody(Map.class).returnResult().getResponseBody();
  }

  @Test
  void good_rows_are_stored_bad_rows_reported_and_a_rerun_changes_nothing() {
    var job = upload(as("university"), "成果汇交.csv", csv().getBytes(StandardCharsets.UTF_8));
    var first = finished(job);
    assertThat(first).containsEntry("status", "COMPLETED").containsEntry("totalRows", 5).containsEntry("createdRows", 3)
        .containsEntry("failedRows", 2);

    as("university").get().uri("/api/achievement-imports/{id}/errors", job).exchange().expectStatus().isOk()
        .expectBody()
        .jsonPath("$[0].row").isEqualTo(4)
        .jsonPath("$[0].field").isEqualTo("ip.patents[0].applicationNumber")
        .jsonPath("$[0].code").isEqualTo("patent-number")
        .jsonPath("$[1].row").isEqualTo(6)
        .jsonPath("$[1].field").isEqualTo("title");

    as("university").get().uri("/api/achievements?organisationId={org}&size=100", institute).exchange()
        .expectBody().jsonPath("$.items.length()").isEqualTo(3)
        .jsonPath("$.items[?(@.externalId == '" + prefix + "4')].askingPrice.amountFen").isEqualTo(300_000_050);

    var again = finished(upload(as("university"), "成果汇交.csv", csv().getBytes(StandardCharsets.UTF_8)));
    assertThat(again).containsEntry("createdRows", 0).containsEntry("unchangedRows", 3).containsEntry("failedRows", 2);
    as("university").get().uri("/api/achievements?organisationId={org}&size=100", institute).exchange()
        .expectBody().jsonPath("$.items.length()").isEqualTo(3);
  }

  @Test
  void an_xlsx_file_is_read_like_a_csv() {
    var rows = csv().lines().map(line -> List.of(line.split(",", -1))).toList();
    var job = finished(upload(as("university"), "成果.xlsx", Workbooks.xlsx(rows)));
    assertThat(job).containsEntry("createdRows", 3).containsEntry("failedRows", 2);
  }

  @Test
  void progress_is_streamed_live_until_the_job_is_final() {
    var job = upload(as("university"), "成果汇交.csv", csv().getBytes(StandardCharsets.UTF_8));
    var events = as("university").get().uri("/api/achievement-imports/{id}/events", job).accept(MediaType.TEXT_EVENT_STREAM)
        .exchange().expectStatus().isOk()
        .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {}).getResponseBody()
        .filter(event -> event.data() != null);
    StepVerifier.create(events.map(event -> event.data().get("status")).filter("COMPLETED"::equals))
        .expectNext("COMPLETED")
        .expectComplete()
        .verify(Duration.ofSeconds(60));
  }

  @Test
  void only_the_organisations_editors_may_import_and_only_members_may_look() {
    var body = new MultipartBodyBuilder();
    body.part("file", new ByteArrayResource(csv().getBytes(StandardCharsets.UTF_8))).filename("x.csv");
    body.part("organisationId", institute.toString());
    var form = body.build();
    as("university2").post().uri("/api/achievement-imports").contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(form)
        .exchange().expectStatus().isForbidden();
    as("enterprise").post().uri("/api/achievement-imports").contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(form)
        .exchange().expectStatus().isForbidden();
    // Refused before its body was read: the server must still drain it, or the next request sent on
    // this keep-alive connection waits for ever (a 30 s stall below, before UnreadBodies).
    http.post().uri("/api/achievement-imports").contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(form)
        .exchange().expectStatus().isUnauthorized();

    var job = upload(as("university"), "x.csv", csv().getBytes(StandardCharsets.UTF_8));
    as("university2").get().uri("/api/achievement-imports/{id}", job).exchange().expectStatus().isNotFound();
    as("university2").get().uri("/api/achievement-imports/{id}/errors", job).exchange().expectStatus().isNotFound();
    http.get().uri("/api/achievement-imports/{id}", job).exchange().expectStatus().isUnauthorized();
    finished(job);
  }

  @Test
  void a_file_without_a_required_column_fails_and_says_why_in_the_readers_language() {
    var job = finished(upload(as("university"), "缺列.csv", "外部编号,成果名称\r\nX-1,标题\r\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(job).containsEntry("status", "FAILED").containsEntry("createdRows", 0);
    assertThat((String) job.get("failureMessage")).contains("缺少必填列");
    as("university").get().uri("/api/achievement-imports/{id}", job.get("id")).header("Accept-Language", "en").exchange()
        .expectBody().jsonPath("$.failureMessage").value(message -> assertThat((String) message).contains("lacks"));
  }

  @Test
  void a_file_of_another_kind_is_415_and_the_template_is_public() {
    var body = new MultipartBodyBuilder();
    body.part("file", new ByteArrayResource("%PDF-1.7".getBytes(StandardCharsets.UTF_8))).filename("成果.pdf");
    body.part("organisationId", institute.toString());
    as("university").post().uri("/api/achievement-imports").contentType(MediaType.MULTIPART_FORM_DATA)
        .bodyValue(body.build()).exchange()
        .expectStatus().isEqualTo(415)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    http.get().uri("/api/achievement-imports/template").exchange().expectStatus().isOk()
        .expectBody(String.class).value(text -> assertThat(text).contains(HEADER));
  }
}
