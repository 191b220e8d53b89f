package org.pingliang.techmarket.search.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/** The raw Elasticsearch REST calls the benchmark makes around the apps. */
final class Elasticsearch {

  private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  Elasticsearch(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  HttpResponse<String> call(String method, String path, String body, String contentType) {
    var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", contentType).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Elasticsearch at " + base + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String json(String method, String path, String body) {
    var response = call(method, path, body, "application/json");
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
          + abbreviate(response.body()));
    }
    return response.body();
  }

  boolean exists(String path) {
    return call("HEAD", path, null, "application/json").statusCode() == 200;
  }

  void bulk(String path, String ndjson) {
    var response = call("POST", path, ndjson, "application/x-ndjson");
    if (response.statusCode() >= 300 || response.body().contains("\"errors\":true")) {
      throw new IllegalStateException("bulk answered " + response.statusCode() + ": " + abbreviate(response.body()));
    }
  }

  long count(String index, String query) {
    var body = json("POST", "/" + index + "/_count", query == null ? null : "{\"query\":" + query + "}");
    var matcher = COUNT.matcher(body);
    if (!matcher.find()) {
      throw new IllegalStateException("unexpected count answer: " + body);
    }
    return Long.parseLong(matcher.group(1));
  }

  private static final Pattern HIT_ID = Pattern.compile("\"_id\"\\s*:\\s*\"([^\"]+)\"");

  /**
   * Deletes every document a query matches, page by page (the assembled node has no
   * {@code _delete_by_query}: that lives in the reindex module).
   */
  void deleteWhere(String index, String query) {
    while (true) {
      json("POST", "/" + index + "/_refresh", null);
      var page = json("POST", "/" + index + "/_search", "{\"size\":1000,\"_source\":false,\"query\":" + query + "}");
      var matcher = HIT_ID.matcher(page);
      var body = new StringBuilder();
      while (matcher.find()) {
        body.append("{\"delete\":{\"_id\":\"").append(matcher.group(1)).append("\"}}\n");
      }
      if (body.isEmpty()) {
        return;
      }
      bulk("/" + index + "/_bulk", body.toString());
    }
  }

  static String term(String field, String value) {
    return "{\"term\":{\"" + field + "\":\"" + value + "\"}}";
  }

  private static String abbreviate(String text) {
    return text.length() > 800 ? text.substring(0, 800) + "…" : text;
  }
}
