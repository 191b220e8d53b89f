package org.pingliang.techmarket.search.evaluation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few raw Elasticsearch REST calls the evaluation needs around the search library. */
final class ElasticsearchHttp {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  ElasticsearchHttp(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  String base() {
    return base;
  }

  String send(String method, String path, String body, String contentType) {
    var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", contentType).build();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
            + abbreviate(response.body()));
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("Elasticsearch at " + base + " is not reachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String json(String method, String path, String body) {
    return send(method, path, body, "application/json");
  }

  String bulk(String path, String ndjson) {
    var answer = send("POST", path, ndjson, "application/x-ndjson");
    if (answer.contains("\"errors\":true")) {
      throw new IllegalStateException("bulk request had failures: " + abbreviate(answer));
    }
    return answer;
  }

  private static String abbreviate(String text) {
    return text.length() > 600 ? text.substring(0, 600) + "…" : text;
  }
}
