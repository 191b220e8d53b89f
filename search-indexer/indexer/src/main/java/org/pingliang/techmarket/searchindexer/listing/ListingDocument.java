package org.pingliang.techmarket.searchindexer.listing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.events.EventEnvelope;
import org.pingliang.techmarket.search.embedding.ListingEmbeddingText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One listing as the search index stores it: the event's payload flattened to the fields of
 * {@code elasticsearch/listings-v2.json}, versioned by the event's aggregate version. The
 * {@code embedding} is added by {@link ListingEmbeddings} before the document is written.
 */
record ListingDocument(UUID id, long version, Map<String, Object> source) {

  static final String EMBEDDING = "embedding";
  static final String EMBEDDING_MODEL = "embeddingModel";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Reads an event; a payload that is not a listing is an {@link IllegalArgumentException} (park it). */
  static ListingDocument of(EventEnvelope event) {
    return of(event.aggregateType(), event.aggregateId(), event.aggregateVersion(), event.payload());
  }

  /** A listing of the given aggregate type from an event's payload (or a snapshot of it). */
  static ListingDocument of(String aggregateType, UUID id, long version, String payloadJson) {
    return of(aggregateType, id, version, parse(payloadJson));
  }

  static ListingDocument of(String aggregateType, UUID id, long version, JsonNode payload) {
    var type = ListingType.ofAggregateType(aggregateType);
    if (payload == null || !payload.isObject()) {
      throw new IllegalArgumentException("listing payload is not a JSON object");
    }
    var source = new Fields();
    source.put("id", id.toString());
    source.put("type", type.name());
    source.put("status", text(payload, "status"));
    source.put("visible", type.isPublic(text(payload, "status")));
    source.put("version", version);
    copyText(payload, source, "title", "description", "regionCode", "publishedAt", "updatedAt");
    source.put("industryTags", texts(payload.path("industryTags")));
    switch (type) {
      case ACHIEVEMENT -> achievement(payload, source);
      case DEMAND -> demand(payload, source);
      case PACKAGE -> listingPackage(payload, source);
    }
    return new ListingDocument(id, version, source.values);
  }

  /**
   * The text the vector is computed from (see {@link ListingEmbeddingText}): a demand's problem
   * plays the part of a summary and its expected outcome joins the description; a package's theme
   * is its summary.
   */
  String embeddingText() {
    var type = String.valueOf(source.get("type"));
    var title = (String) source.get("title");
    var description = (String) source.get("description");
    var tags = tags();
    return switch (type) {
      case "DEMAND" -> ListingEmbeddingText.of(title, (String) source.get("problem"),
          join(description, (String) source.get("expectedOutcome")), tags);
      case "PACKAGE" -> ListingEmbeddingText.of(title, (String) source.get("theme"), description, tags);
      default -> ListingEmbeddingText.of(title, (String) source.get("summary"), description, tags);
    };
  }

  /** This document with its vector, as it is written. */
  ListingDocument withEmbedding(float[] vector, String modelId) {
    var values = new LinkedHashMap<>(source);
    var list = new ArrayList<Float>(vector.length);
    for (var v : vector) {
      list.add(v);
    }
    values.put(EMBEDDING, list);
    values.put(EMBEDDING_MODEL, modelId);
    return new ListingDocument(id, version, values);
  }

  /** This document without a vector (e.g. read back from an index, to be embedded again). */
  ListingDocument withoutEmbedding() {
    var values = new LinkedHashMap<>(source);
    values.remove(EMBEDDING);
    values.remove(EMBEDDING_MODEL);
    return new ListingDocument(id, version, values);
  }

  boolean hasEmbedding() {
    return source.containsKey(EMBEDDING);
  }

  @SuppressWarnings("unchecked")
  private List<String> tags() {
    var tags = source.get("industryTags");
    return tags instanceof List<?> list ? (List<String>) list : List.of();
  }

  private static String join(String first, String second) {
    if (first == null || first.isBlank()) {
      return second;
    }
    return second == null || second.isBlank() ? first : first + "。" + second;
  }

  private static void achievement(JsonNode payload, Fields source) {
    copyText(payload, source, "summary", "technologyField", "maturity");
    organisation(payload, source);
    source.put("transferModes", texts(payload.path("transferModes")));
    source.put("priceFen", fen(payload.path("askingPrice")));
    source.put("priceNegotiable", payload.path("priceNegotiable").asBoolean());
  }

  private static void demand(JsonNode payload, Fields source) {
    copyText(payload, source, "problem", "expectedOutcome", "technologyField", "deadline");
    organisation(payload, source);
    source.put("cooperationModes", texts(payload.path("cooperationModes")));
    var budget = payload.path("budget");
    source.put("budgetMinFen", fen(budget.path("min")));
    source.put("budgetMaxFen", fen(budget.path("max")));
    source.put("budgetNegotiable", budget.path("negotiable").asBoolean());
    source.put("challenge", payload.path("challenge").asBoolean());
    source.put("bountyFen", fen(payload.path("bounty")));
  }

  private static void listingPackage(JsonNode payload, Fields source) {
    copyText(payload, source, "theme");
    source.put("achievementIds", payload.path("achievements").valueStream()
        .map(item -> item.path("id").asString()).toList());
  }

  private static void organisation(JsonNode payload, Fields source) {
    source.put("organisationId", text(payload.path("organisation"), "id"));
    source.put("organisationName", text(payload.path("organisation"), "name"));
  }

  private static JsonNode parse(String payload) {
    try {
      var node = JSON.readTree(payload);
      if (!node.isObject()) {
        throw new IllegalArgumentException("listing payload is not a JSON object");
      }
      return node;
    } catch (JacksonException e) {
      throw new IllegalArgumentException("listing payload is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void copyText(JsonNode payload, Fields source, String... names) {
    for (var name : names) {
      source.put(name, text(payload, name));
    }
  }

  private static String text(JsonNode node, String name) {
    var value = node.path(name);
    return value.isNull() || value.isMissingNode() ? null : value.asString();
  }

  private static List<String> texts(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }

  private static Long fen(JsonNode money) {
    var amount = money.path("amountFen");
    return amount.isNumber() ? amount.asLong() : null;
  }

  /** A map that leaves absent values out, so the index holds no explicit nulls. */
  private static final class Fields {
    private final Map<String, Object> values = new LinkedHashMap<>();

    void put(String name, Object value) {
      if (value != null) {
        values.put(name, value);
      }
    }
  }
}
