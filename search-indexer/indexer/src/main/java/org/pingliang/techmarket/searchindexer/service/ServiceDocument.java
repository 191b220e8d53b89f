package org.pingliang.techmarket.searchindexer.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.events.EventEnvelope;
import org.pingliang.techmarket.search.embedding.ServiceEmbeddingText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service offer or request as the services index stores it: the event's payload flattened to the
 * fields of {@code elasticsearch/services-v1.json}, versioned by the event's aggregate version. An
 * offer is visible while ACTIVE, a request while OPEN; others stay in the index as invisible.
 */
record ServiceDocument(UUID id, long version, Map<String, Object> source) {

  static final String EMBEDDING = "embedding";
  static final String EMBEDDING_MODEL = "embeddingModel";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Reads an event; a payload that is not a service offer/request is an {@link IllegalArgumentException}. */
  static ServiceDocument of(EventEnvelope event) {
    return of(event.aggregateType(), event.aggregateId(), event.aggregateVersion(), parse(event.payload()));
  }

  static ServiceDocument of(String aggregateType, UUID id, long version, JsonNode payload) {
    var source = new LinkedHashMap<String, Object>();
    put(source, "id", id.toString());
    put(source, "version", version);
    var status = text(payload, "status");
    if (status == null) {
      throw new IllegalArgumentException("service payload lacks status");
    }
    put(source, "status", status);
    copy(payload, source, "title", "technologyField", "serviceType", "publishedAt", "updatedAt");
    switch (aggregateType) {
      case "ServiceOffer" -> {
        put(source, "kind", "OFFER");
        put(source, "visible", "ACTIVE".equals(status));
        copy(payload, source, "description");
        put(source, "counties", texts(payload.path("counties")));
        put(source, "modes", texts(payload.path("modes")));
        put(source, "commissionerSubject", text(payload.path("commissioner"), "subject"));
        put(source, "commissionerName", text(payload.path("commissioner"), "name"));
      }
      case "ServiceRequest" -> {
        put(source, "kind", "REQUEST");
        put(source, "visible", "OPEN".equals(status));
        copy(payload, source, "problem", "expectedHelp", "deadline");
        var county = text(payload, "countyCode");
        put(source, "counties", county == null ? List.of() : List.of(county));
        var requester = payload.path("requester");
        put(source, "requesterKind", text(requester, "kind"));
        put(source, "organisationId", text(requester, "organisationId"));
        put(source, "organisationName", text(requester, "organisationName"));
        put(source, "placeName", text(requester, "placeName"));
        put(source, "villageId", text(requester, "villageId"));
      }
      default -> throw new IllegalArgumentException("not a service aggregate: " + aggregateType);
    }
    if (source.get("title") == null) {
      throw new IllegalArgumentException("service payload lacks title");
    }
    return new ServiceDocument(id, version, source);
  }

  /** The text the vector is computed from (see {@link ServiceEmbeddingText}). */
  String embeddingText() {
    var title = (String) source.get("title");
    return "OFFER".equals(source.get("kind"))
        ? ServiceEmbeddingText.offer(title, (String) source.get("description"))
        : ServiceEmbeddingText.request(title, (String) source.get("problem"), (String) source.get("expectedHelp"));
  }

  ServiceDocument withEmbedding(float[] vector, String modelId) {
    var values = new LinkedHashMap<>(source);
    var list = new ArrayList<Float>(vector.length);
    for (var v : vector) {
      list.add(v);
    }
    values.put(EMBEDDING, list);
    values.put(EMBEDDING_MODEL, modelId);
    return new ServiceDocument(id, version, values);
  }

  private static JsonNode parse(String payload) {
    try {
      var node = JSON.readTree(payload);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("service payload is not a JSON object");
      }
      return node;
    } catch (JacksonException e) {
      throw new IllegalArgumentException("service payload is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void copy(JsonNode payload, Map<String, Object> source, String... names) {
    for (var name : names) {
      put(source, name, text(payload, name));
    }
  }

  private static void put(Map<String, Object> source, String name, Object value) {
    if (value != null) {
      source.put(name, value);
    }
  }

  private static String text(JsonNode node, String name) {
    var value = node.path(name);
    return value.isNull() || value.isMissingNode() ? null : value.asString();
  }

  private static List<String> texts(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }
}
