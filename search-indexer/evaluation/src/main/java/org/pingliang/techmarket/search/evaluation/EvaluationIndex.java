package org.pingliang.techmarket.search.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.search.embedding.ListingEmbeddingText;
import org.pingliang.techmarket.search.embedding.TextEmbedder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A throwaway index holding the labelled achievements, created from the indexer's own index
 * definition (the newest {@code elasticsearch/listings-vN.json}) and filled with documents shaped
 * like the indexer's: same fields, same {@code embedding} computed from
 * {@link ListingEmbeddingText} by the same model. Everything that could tilt a ranking apart from
 * the text (holder, region, publication time, price) is the same for every document.
 */
final class EvaluationIndex implements AutoCloseable {

  static final String PUBLISHED_AT = "2026-01-15T08:00:00Z";
  static final String HOLDER_ID = "01941f29-7c00-7000-8000-0000000e7a10";
  static final String HOLDER_NAME = "评测成果持有单位";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ElasticsearchHttp http;
  private final String name;
  private final String definition;
  private final String definitionVersion;
  private final Map<String, String> uuidById = new LinkedHashMap<>();
  private final Map<String, String> idByUuid = new LinkedHashMap<>();
  private double embeddingSeconds;

  EvaluationIndex(ElasticsearchHttp http, String name) {
    this.http = http;
    this.name = name;
    var newest = newestDefinition();
    this.definitionVersion = newest.getKey();
    this.definition = newest.getValue();
  }

  String name() {
    return name;
  }

  /** Which index definition was used, e.g. {@code listings-v2}. */
  String definitionVersion() {
    return definitionVersion;
  }

  boolean hasEmbeddingField() {
    return definition.contains("\"dense_vector\"");
  }

  double embeddingSeconds() {
    return embeddingSeconds;
  }

  /** The labelled id of a document id (documents carry UUIDs, like real listings). */
  String labelledId(String documentId) {
    return idByUuid.getOrDefault(documentId, documentId);
  }

  void create(List<EvaluationSet.Achievement> achievements, TextEmbedder embedder) {
    http.json("PUT", "/" + name, definition);
    var texts = achievements.stream()
        .map(a -> ListingEmbeddingText.of(a.title(), a.summary(), a.description(), a.industryTags())).toList();
    List<float[]> vectors = List.of();
    if (embedder != null && hasEmbeddingField()) {
      var started = System.nanoTime();
      vectors = embedder.embedPassages(texts);
      embeddingSeconds = (System.nanoTime() - started) / 1e9;
    }
    var bulk = new StringBuilder();
    for (var i = 0; i < achievements.size(); i++) {
      var a = achievements.get(i);
      var uuid = UUID.nameUUIDFromBytes(("evaluation:" + a.id()).getBytes(StandardCharsets.UTF_8)).toString();
      uuidById.put(a.id(), uuid);
      idByUuid.put(uuid, a.id());
      var doc = new LinkedHashMap<String, Object>();
      doc.put("id", uuid);
      doc.put("type", "ACHIEVEMENT");
      doc.put("status", "PUBLISHED");
      doc.put("visible", true);
      doc.put("version", 1);
      doc.put("title", a.title());
      doc.put("summary", a.summary());
      doc.put("description", a.description());
      doc.put("technologyField", a.technologyField());
      doc.put("industryTags", a.industryTags());
      doc.put("maturity", a.maturity());
      doc.put("regionCode", "620800");
      doc.put("organisationId", HOLDER_ID);
      doc.put("organisationName", HOLDER_NAME);
      doc.put("transferModes", List.of("LICENCE", "TECHNICAL_SERVICE"));
      doc.put("priceNegotiable", true);
      doc.put("publishedAt", PUBLISHED_AT);
      doc.put("updatedAt", PUBLISHED_AT);
      if (!vectors.isEmpty()) {
        doc.put("embeddingModel", embedder.modelId());
        var vector = vectors.get(i);
        var list = new ArrayList<Float>(vector.length);
        for (var v : vector) {
          list.add(v);
        }
        doc.put("embedding", list);
      }
      bulk.append("{\"index\":{\"_id\":\"").append(uuid).append("\"}}\n").append(JSON.writeValueAsString(doc)).append('\n');
    }
    http.bulk("/" + name + "/_bulk?refresh=true", bulk.toString());
  }

  @Override
  public void close() {
    try {
      http.json("DELETE", "/" + name, null);
    } catch (RuntimeException e) {
      System.err.println("could not delete the throwaway index " + name + ": " + e.getMessage());
    }
  }

  /** The newest index definition the indexer ships (listings-v1.json, listings-v2.json, ...). */
  static Map.Entry<String, String> newestDefinition() {
    var override = System.getProperty("eval.index-definition");
    if (override != null) {
      try {
        var path = java.nio.file.Path.of(override);
        return Map.entry(path.getFileName().toString().replace(".json", ""), java.nio.file.Files.readString(path));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (var version = 20; version >= 1; version--) {
      var resource = "/elasticsearch/listings-v" + version + ".json";
      try (var in = EvaluationIndex.class.getResourceAsStream(resource)) {
        if (in != null) {
          return Map.entry("listings-v" + version, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no elasticsearch/listings-vN.json on the class path");
  }
}
