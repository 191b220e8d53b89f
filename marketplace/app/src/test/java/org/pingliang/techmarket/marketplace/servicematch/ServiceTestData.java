package org.pingliang.techmarket.marketplace.servicematch;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Valid forms for service offers and requests; tests change what they need. */
final class ServiceTestData {

  private ServiceTestData() {}

  static Map<String, Object> offer(String title, String description) {
    var form = new HashMap<String, Object>();
    form.put("title", title);
    form.put("description", description);
    form.put("technologyField", "AGRICULTURE");
    form.put("serviceType", "GUIDANCE");
    form.put("counties", List.of("620826", "620825"));
    form.put("modes", List.of("ON_SITE", "REMOTE"));
    return form;
  }

  static Map<String, Object> enterpriseRequest(UUID organisationId, String title, String problem) {
    var form = new HashMap<String, Object>();
    form.put("organisationId", organisationId.toString());
    form.put("title", title);
    form.put("problem", problem);
    form.put("expectedHelp", "派特派员到现场诊断，制定防治方案并培训技术员。");
    form.put("technologyField", "AGRICULTURE");
    form.put("serviceType", "GUIDANCE");
    form.put("countyCode", "620826");
    form.put("deadline", LocalDate.now().plusMonths(2).toString());
    return form;
  }

  static Map<String, Object> villageRequest(String place, String title, String problem) {
    var form = new HashMap<String, Object>();
    form.put("requesterKind", "VILLAGE");
    form.put("placeName", place);
    form.put("villageId", UUID.randomUUID().toString());
    form.put("title", title);
    form.put("problem", problem);
    form.put("expectedHelp", "请特派员进村开展技术指导和培训。");
    form.put("technologyField", "AGRICULTURE");
    form.put("countyCode", "620825");
    form.put("deadline", LocalDate.now().plusMonths(1).toString());
    return form;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> created(WebTestClient client, String uri, Map<String, Object> form) {
    return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(form)
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
  }

  static WebTestClient.ResponseSpec post(WebTestClient client, String uri, Object body) {
    return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }
}
