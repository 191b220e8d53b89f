package org.pingliang.techmarket.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The cluster over plain HTTP: what the index holds, for the comparison with the database. */
final class Elasticsearch {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String url;
  private final String prefix;

  Elasticsearch(String url, String prefix) {
    this.url = url;
    this.prefix = prefix;
  }

  String alias() {
    return prefix + "listings";
  }

  /** Removes every index of this prefix, so a run starts from nothing. */
  void dropAll() {
    var indices = call("GET", "/_cat/indices/" + prefix + "*?format=json&h=index", null);
    for (var index : indices) {
      call("DELETE", "/" + index.path("index").asString(), null);
    }
  }

  Optional<String> aliasTarget(String alias) {
    var aliases = call("GET", "/_alias/" + alias + "*", null);
    for (var entry : aliases.properties()) {
      if (entry.getValue().path("aliases").has(alias)) {
        return Optional.of(entry.getKey());
      }
    }
    return Optional.empty();
  }

  /** Every document behind the alias: id → version. */
  Map<String, Long> indexVersions() {
    call("POST", "/" + alias() + "/_refresh", null);
    var versions = new HashMap<String, Long>();
    String after = null;
    while (true) {
      var body = "{\"size\":1000,\"_source\":false,\"version\":true,\"track_total_hits\":false,"
          + "\"sort\":[{\"id\":\"asc\"}]" + (after == null ? "" : ",\"search_after\":[\"" + after + "\"]") + "}";
      var hits = call("POST", "/" + alias() + "/_search", body).path("hits").path("hits");
      if (hits.isEmpty()) {
        return versions;
      }
      for (var hit : hits) {
        versions.put(hit.path("_id").asString(), hit.path("_version").asLong());
        after = hit.path("sort").get(0).asString();
      }
    }
  }

  private JsonNode call(String method, String path, String body) {
    try {
      var request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return Marketplace.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
