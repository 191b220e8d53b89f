package org.pingliang.techmarket.marketplace.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.pingliang.techmarket.search.embedding.ListingEmbeddingText;
import org.pingliang.techmarket.search.embedding.TextEmbedder;

/**
 * Writes test documents into the real listings index the way search-indexer does: the same mapping
 * file (the newest listings-vN.json of search-indexer), the same alias, external versions.
 */
final class SearchTestIndex {

  private static final Pattern MAPPING = Pattern.compile("listings-v(\\d+)\\.json");

  private final ElasticsearchAsyncClient client;
  private final TextEmbedder embedder;
  private final String alias;
  private boolean vectors;

  /** @param embedder the model search-indexer uses, for the {@code embedding} of each document */
  SearchTestIndex(ElasticsearchAsyncClient client, TextEmbedder embedder, String prefix) {
    this.client = client;
    this.embedder = embedder;
    this.alias = prefix + "listings";
  }

  /**
   * Creates index and alias from search-indexer's newest mapping unless the alias already points at
   * an index of that mapping version; an older test index is replaced (it holds test data only).
   */
  void ensureExists() {
    try {
      var mapping = newestMapping();
      var name = mapping.getFileName().toString();
      var version = name.substring("listings-".length(), name.length() - ".json".length());
      var definition = Files.readString(mapping);
      vectors = definition.contains("dense_vector");
      if (client.indices().existsAlias(a -> a.name(alias)).join().value()) {
        var indices = client.indices().getAlias(a -> a.name(alias)).join().aliases().keySet();
        if (indices.stream().anyMatch(index -> index.startsWith(alias + "-" + version))) {
          return;
        }
        for (var old : indices) {
          client.indices().delete(d -> d.index(old)).join();
        }
      }
      client.indices().create(c -> c.index(alias + "-" + version).withJson(new StringReader(definition))
          .aliases(alias, a -> a.isWriteIndex(true))).join();
    } catch (CompletionException e) {
      if (!(e.getCause() instanceof ElasticsearchException es
          && "resource_already_exists_exception".equals(es.error().type()))) {
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path newestMapping() throws IOException {
    var project = Path.of(System.getProperty("techmarket.project.dir", "../.."));
    var folder = project.resolve("search-indexer/indexer/src/main/resources/elasticsearch");
    try (var files = Files.list(folder)) {
      return files.filter(file -> MAPPING.matcher(file.getFileName().toString()).matches())
          .max(Comparator.comparingInt(file -> {
            var matcher = MAPPING.matcher(file.getFileName().toString());
            matcher.matches();
            return Integer.parseInt(matcher.group(1));
          }))
          .orElseThrow(() -> new IOException("no listings mapping in " + folder));
    }
  }

  /** Indexes (or replaces, with a higher version) one document and makes it searchable at once. */
  void put(Map<String, Object> document) {
    if (vectors && !document.containsKey("embedding")) {
      var vector = embedder.embedPassage(embeddingText(document));
      var values = new java.util.ArrayList<Float>(vector.length);
      for (var value : vector) {
        values.add(value);
      }
      document.put("embedding", values);
      document.put("embeddingModel", embedder.modelId());
    }
    client.index(i -> i.index(alias).id(document.get("id").toString())
        .version(((Number) document.get("version")).longValue()).versionType(VersionType.External)
        .document(document).refresh(Refresh.WaitFor)).join();
  }

  /**
   * Deletes what earlier test runs left in the shared test index under a title containing every word
   * of {@code title}, except this run's documents (those tagged {@code keepTag}). The test index keeps
   * data between runs: copies of a fixture from earlier runs are near-identical to this run's (same
   * words, only a random name differs), so the kNN side cannot tell them apart and a ranking test
   * would compare its listing with its own clones instead of with the listings it means.
   */
  void deleteEarlierCopies(String title, String keepTag) {
    // The locally assembled node has no _delete_by_query (the reindex module): find, then delete each.
    var found = client.search(s -> s.index(alias).size(1000).source(src -> src.fetch(false))
        .query(q -> q.bool(b -> b
            .filter(f -> f.match(m -> m.field("title").query(title)
                .operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)))
            .mustNot(n -> n.term(t -> t.field("industryTags").value(keepTag))))), Map.class).join();
    for (var hit : found.hits().hits()) {
      client.delete(d -> d.index(hit.index()).id(hit.id())).join();
    }
    client.indices().refresh(r -> r.index(alias)).join();
  }

  /** The text search-indexer embeds (see its ListingDocument#embeddingText). */
  @SuppressWarnings("unchecked")
  static String embeddingText(Map<String, Object> document) {
    var tags = (List<String>) document.getOrDefault("industryTags", List.of());
    var title = (String) document.get("title");
    return "DEMAND".equals(document.get("type"))
        ? ListingEmbeddingText.of(title, (String) document.get("problem"), (String) document.get("expectedOutcome"), tags)
        : ListingEmbeddingText.of(title, (String) document.get("summary"), (String) document.get("description"), tags);
  }

  /** A published achievement with every field search reads; tests override what they need. */
  static Map<String, Object> achievement(String title, String industryTag) {
    var document = new HashMap<String, Object>();
    document.put("id", UUID.randomUUID().toString());
    document.put("type", "ACHIEVEMENT");
    document.put("status", "PUBLISHED");
    document.put("visible", true);
    document.put("version", 3);
    document.put("title", title);
    document.put("summary", "适用于平凉旱作区的成熟技术。");
    document.put("description", "由平凉本地科研团队完成中试。");
    document.put("technologyField", "AGRICULTURE");
    document.put("industryTags", List.of(industryTag));
    document.put("maturity", "PILOT_SCALE");
    document.put("transferModes", List.of("LICENCE"));
    document.put("regionCode", "620825");
    document.put("organisationId", UUID.randomUUID().toString());
    document.put("organisationName", "平凉测试研究院");
    document.put("priceFen", 100_000L);
    document.put("priceNegotiable", false);
    document.put("publishedAt", Instant.now().toString());
    return document;
  }

  static Map<String, Object> demand(String title, String problem, String industryTag) {
    var document = new HashMap<String, Object>();
    document.put("id", UUID.randomUUID().toString());
    document.put("type", "DEMAND");
    document.put("status", "OPEN");
    document.put("visible", true);
    document.put("version", 1);
    document.put("title", title);
    document.put("problem", problem);
    document.put("expectedOutcome", "形成可推广的解决方案。");
    document.put("technologyField", "AGRICULTURE");
    document.put("industryTags", List.of(industryTag));
    document.put("cooperationModes", List.of("JOINT_DEVELOPMENT"));
    document.put("regionCode", "620825");
    document.put("organisationId", UUID.randomUUID().toString());
    document.put("organisationName", "平凉测试企业");
    document.put("budgetMinFen", 200_000L);
    document.put("budgetMaxFen", 600_000L);
    document.put("budgetNegotiable", false);
    document.put("publishedAt", Instant.now().toString());
    return document;
  }
}
