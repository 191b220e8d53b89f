package org.pingliang.techmarket.searchindexer.listing;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.pingliang.techmarket.searchindexer.ElasticsearchProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The listings index: concrete indices {@code <prefix>listings-vN[-<timestamp>]} behind the alias
 * {@code <prefix>listings} (what searches read and the consumer writes). The {@code vN} is the
 * mapping's version ({@code elasticsearch/listings-vN.json}); a new mapping, or a full rebuild,
 * gets a new index and the alias moves atomically.
 *
 * <p>While a rebuild fills a new index, that index also carries the alias
 * {@code <prefix>listings-building}. Every write goes to the alias first, then, looked up AFTER that
 * write, to each index the two aliases point at that the write did not reach. So a write either
 * landed before the rebuild began (and the rebuild's source, read later, includes it) or it sees the
 * new index and goes there too; and a write that raced the alias swap is repeated on the new index.
 * External versions make every repeat harmless: nothing is lost, nothing regresses.
 */
@Component
public class ElasticsearchListingIndex {

  static final String MAPPING_VERSION = "v2";
  private static final String DEFINITION = "/elasticsearch/listings-" + MAPPING_VERSION + ".json";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

  /**
   * What a bulk response keeps of each item: the index it reached, its status and its error. Every
   * other field (id, version, shards, sequence numbers) is dropped by the cluster, which saves it
   * rendering them and this process parsing them, 500 times a request. A failed request's
   * {@code error} and {@code status} are kept, so its failure still reads as the cluster's answer.
   */
  static final String BULK_RESPONSE_FILTER = "took,errors,items.*._index,items.*.status,items.*.error,error,status";

  private final ElasticsearchAsyncClient client;
  /** The same client, asking for bulk responses filtered to {@link #BULK_RESPONSE_FILTER}. */
  private final ElasticsearchAsyncClient bulkClient;
  private final String alias;
  private final String buildingAlias;
  private final Pattern concreteName;
  private final String definition = readDefinition();

  @org.springframework.beans.factory.annotation.Autowired
  ElasticsearchListingIndex(ElasticsearchAsyncClient client, ElasticsearchProperties properties) {
    this(client, properties.indexPrefix());
  }

  ElasticsearchListingIndex(ElasticsearchAsyncClient client, String prefix) {
    this.client = client;
    this.bulkClient = client.withTransportOptions(options -> options.setParameter("filter_path", BULK_RESPONSE_FILTER));
    this.alias = prefix + "listings";
    this.buildingAlias = alias + "-building";
    this.concreteName = Pattern.compile(Pattern.quote(alias) + "-v(\\d+)(-\\d+)?");
  }

  /** The name searches and writes use. */
  public String alias() {
    return alias;
  }

  String buildingAlias() {
    return buildingAlias;
  }

  /**
   * Creates the current mapping's index with the alias unless the alias exists. Several instances
   * may race here: the loser gets {@code resource_already_exists_exception} and looks again.
   */
  Mono<Void> createIfMissing() {
    return aliases().flatMap(current -> {
      if (current.containsKey(alias)) {
        return Mono.empty();
      }
      var name = alias + "-" + MAPPING_VERSION;
      return create(name, alias)
          .onErrorResume(ElasticsearchListingIndex::isAlreadyExists, exists -> aliases().flatMap(again ->
              again.containsKey(alias) ? Mono.empty() : create(newIndexName(), alias)));
    });
  }

  /** The index the alias points at, if any. */
  Mono<Optional<String>> currentIndex() {
    return aliases().map(current -> Optional.ofNullable(current.get(alias)));
  }

  /** The index a rebuild is filling, if any. */
  Mono<Optional<String>> buildingIndex() {
    return aliases().map(current -> Optional.ofNullable(current.get(buildingAlias)));
  }

  /** Whether an index was created from an older mapping than this code's. */
  boolean isOlderMapping(String index) {
    var matcher = concreteName.matcher(index);
    return !matcher.matches() || Integer.parseInt(matcher.group(1)) < Integer.parseInt(MAPPING_VERSION.substring(1));
  }

  /** A fresh name for a new index of the current mapping. */
  String newIndexName() {
    return alias + "-" + MAPPING_VERSION + "-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
  }

  /** Creates an index of the current mapping carrying {@code aliasName}. */
  Mono<Void> create(String index, String aliasName) {
    return call(() -> client.indices().create(create -> create
            .index(index)
            .withJson(new StringReader(definition))
            .aliases(aliasName, a -> a.isWriteIndex(aliasName.equals(alias) ? Boolean.TRUE : null))))
        .then();
  }

  /** Writes one listing (see {@link #write(List)}). */
  Mono<IndexOutcome> index(ListingDocument document) {
    return write(List.of(document)).flatMap(results -> {
      var result = results.getFirst();
      return result.failure() == null ? Mono.just(result.outcome()) : Mono.error(result.failure());
    });
  }

  /**
   * Writes listings with external versioning, so one older than (or as old as) the stored document
   * is rejected by the cluster itself, whatever order events arrive in. Results are in the
   * documents' order; a document the cluster refused carries the failure. A failure of the whole
   * request (cluster down) fails the Mono.
   */
  Mono<List<WriteResult>> write(List<ListingDocument> documents) {
    return write(documents, false);
  }

  /**
   * The same; {@code refresh}: the request also refreshes the alias's index, so the documents are
   * searchable when it answers (for a consumer that has caught up; a backlog leaves it to the index's
   * periodic refresh, which costs far less per document).
   */
  Mono<List<WriteResult>> write(List<ListingDocument> documents, boolean refresh) {
    return writeToAlias(documents, refresh).flatMap(written -> written.copies().thenReturn(written.results()));
  }

  /**
   * What a write to the alias did, and the rest of that write: {@code copies} repeats it on the
   * index a rebuild is filling, if any (looked up only when subscribed, so after the alias write:
   * see the class comment). A document already newer in the alias's index is copied too.
   */
  record AliasWrite(List<WriteResult> results, Mono<Void> copies) {}

  /** The first half of {@link #write(List, boolean)}: the alias; subscribe to {@code copies} for the rest. */
  Mono<AliasWrite> writeToAlias(List<ListingDocument> documents, boolean refresh) {
    if (documents.isEmpty()) {
      return Mono.just(new AliasWrite(List.of(), Mono.empty()));
    }
    return bulk(alias, true, documents, refresh).map(primary -> {
      var reached = new HashSet<String>();
      var results = new ArrayList<WriteResult>(documents.size());
      var written = new ArrayList<ListingDocument>();
      for (var i = 0; i < documents.size(); i++) {
        var item = primary.items().get(i);
        var result = result(item);
        results.add(result);
        if (result.failure() == null) {
          reached.add(item.index());
          written.add(documents.get(i));
        }
      }
      if (written.isEmpty()) {
        return new AliasWrite(results, Mono.empty());
      }
      // Looked up only now, after the first write: see the class comment.
      var copies = targets().flatMapMany(targets -> Flux.fromIterable(targets).filter(target -> !reached.contains(target)))
          .concatMap(target -> bulk(target, false, written, false).flatMap(ElasticsearchListingIndex::requireWritten))
          .then();
      return new AliasWrite(results, copies);
    });
  }

  /** Writes listings into one concrete index (a rebuild's target); conflicts mean "already newer". */
  Mono<List<WriteResult>> writeInto(String index, List<ListingDocument> documents) {
    if (documents.isEmpty()) {
      return Mono.just(List.of());
    }
    return bulk(index, false, documents, false).map(response -> response.items().stream().map(ElasticsearchListingIndex::result).toList());
  }

  /** The indices writes must reach: the alias's and, during a rebuild, the new one. */
  Mono<Set<String>> targets() {
    return aliases().map(current -> {
      var targets = new HashSet<String>();
      Optional.ofNullable(current.get(alias)).ifPresent(targets::add);
      Optional.ofNullable(current.get(buildingAlias)).ifPresent(targets::add);
      return targets;
    });
  }

  /** Alias name → index, for this prefix's two aliases. A wildcard never answers 404. */
  Mono<Map<String, String>> aliases() {
    return call(() -> client.indices().getAlias(get -> get.name(alias + "*")))
        .map(response -> {
          var result = new HashMap<String, String>();
          response.aliases().forEach((index, aliases) -> aliases.aliases().keySet().forEach(name -> {
            if (name.equals(alias) || name.equals(buildingAlias)) {
              result.put(name, index);
            }
          }));
          return result;
        });
  }

  /** The versions the alias's index holds for these ids (absent ids: not indexed). */
  Mono<Map<UUID, Long>> versions(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Mono.just(Map.of());
    }
    return call(() -> client.mget(get -> get.index(alias).ids(ids.stream().map(UUID::toString).toList())
            .source(source -> source.fetch(false)), Map.class))
        .map(response -> {
          var versions = new HashMap<UUID, Long>();
          for (var item : response.docs()) {
            if (item.isResult() && item.result().found()) {
              versions.put(UUID.fromString(item.result().id()), item.result().version());
            }
          }
          return versions;
        });
  }

  /** One page of an index's documents in id order, without vectors (for a rebuild from it). */
  Mono<List<ListingDocument>> readPage(String index, String afterId, int size) {
    return call(() -> client.search(search -> {
          search.index(index).size(size).version(true).trackTotalHits(total -> total.enabled(false))
              .sort(sort -> sort.field(field -> field.field("id").order(SortOrder.Asc)))
              .source(source -> source.filter(filter -> filter.excludes(ListingDocument.EMBEDDING)));
          if (afterId != null) {
            search.searchAfter(FieldValue.of(afterId));
          }
          return search;
        }, Map.class))
        .map(response -> response.hits().hits().stream().map(hit -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> source = new LinkedHashMap<String, Object>(hit.source());
          return new ListingDocument(UUID.fromString(hit.id()), hit.version(), source).withoutEmbedding();
        }).toList());
  }

  /** Removes a document whatever its version (the reconciliation's repair of a corrupt one). */
  Mono<Void> delete(UUID id) {
    return call(() -> client.delete(delete -> delete.index(alias).id(id.toString()))).then()
        .onErrorResume(error -> error instanceof ElasticsearchException e && e.status() == 404, error -> Mono.empty());
  }

  Mono<Void> refresh(String index) {
    return call(() -> client.indices().refresh(refresh -> refresh.index(index))).then();
  }

  /**
   * Moves the alias from {@code previous} (if any) to {@code next} and drops the building alias, in
   * one atomic request: readers see the old index or the new one, never none.
   */
  Mono<Void> swap(String previous, String next) {
    var actions = new ArrayList<Action>();
    if (previous != null) {
      actions.add(Action.of(a -> a.remove(remove -> remove.index(previous).alias(alias))));
    }
    actions.add(Action.of(a -> a.add(add -> add.index(next).alias(alias).isWriteIndex(true))));
    actions.add(Action.of(a -> a.remove(remove -> remove.index(next).alias(buildingAlias))));
    return call(() -> client.indices().updateAliases(update -> update.actions(actions))).then();
  }

  /** Concrete indices of this prefix's listings (any mapping version). */
  Mono<List<String>> concreteIndices() {
    return call(() -> client.indices().get(get -> get.index(alias + "-v*")))
        .map(response -> response.indices().keySet().stream().filter(name -> concreteName.matcher(name).matches())
            .sorted().toList());
  }

  Mono<Void> deleteIndex(String index) {
    return call(() -> client.indices().delete(delete -> delete.index(index))).then()
        .onErrorResume(error -> error instanceof ElasticsearchException e && e.status() == 404, error -> Mono.empty());
  }

  private Mono<BulkResponse> bulk(String target, boolean requireAlias, List<ListingDocument> documents, boolean refresh) {
    var operations = new ArrayList<BulkOperation>(documents.size());
    for (var document : documents) {
      operations.add(BulkOperation.of(operation -> operation.index(index -> index
          .id(document.id().toString())
          .version(document.version())
          .versionType(VersionType.External)
          .document(document.source()))));
    }
    return call(() -> bulkClient.bulk(bulk -> bulk.index(target).requireAlias(requireAlias).operations(operations)
        .refresh(refresh ? Refresh.True : Refresh.False)));
  }

  private static WriteResult result(BulkResponseItem item) {
    if (item.error() == null) {
      return new WriteResult(IndexOutcome.INDEXED, null);
    }
    if (item.status() == 409) {
      return new WriteResult(IndexOutcome.STALE, null);
    }
    return new WriteResult(null, new DocumentRefused(item.status(), item.error().type(), item.error().reason()));
  }

  /** A write to a rebuild's index must not fail silently: a refused item fails the whole batch. */
  private static Mono<Void> requireWritten(BulkResponse response) {
    for (var item : response.items()) {
      var result = result(item);
      if (result.failure() != null) {
        return Mono.error(result.failure());
      }
    }
    return Mono.empty();
  }

  private static <T> Mono<T> call(java.util.function.Supplier<java.util.concurrent.CompletableFuture<T>> request) {
    return Mono.fromFuture(request).onErrorMap(CompletionException.class, ElasticsearchListingIndex::cause);
  }

  /**
   * Whether the cluster refused this document (a 4xx other than throttling or a missing index), so
   * retrying it is pointless. A cluster that is down fails every document alike; that is not the
   * document's fault.
   */
  static boolean isRejection(Throwable error) {
    if (error instanceof DocumentRefused refused) {
      return refused.isDocumentsFault();
    }
    return error instanceof ElasticsearchException e && e.status() >= 400 && e.status() < 500 && e.status() != 429
        && e.status() != 404;
  }

  private static String readDefinition() {
    try (var stream = ElasticsearchListingIndex.class.getResourceAsStream(DEFINITION)) {
      if (stream == null) {
        throw new IOException("missing " + DEFINITION);
      }
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Throwable cause(CompletionException error) {
    return error.getCause() != null ? error.getCause() : error;
  }

  private static boolean isAlreadyExists(Throwable error) {
    return error instanceof ElasticsearchException e && "resource_already_exists_exception".equals(e.error().type());
  }

  /** What became of one write. */
  enum IndexOutcome {
    INDEXED,
    /** The index already holds this version or a newer one: the event is done. */
    STALE
  }

  /** One document's write: an outcome, or why the cluster refused it. */
  record WriteResult(IndexOutcome outcome, DocumentRefused failure) {}

  /** The cluster refused one document of a bulk request. */
  static final class DocumentRefused extends RuntimeException {
    private final int status;
    private final String type;

    DocumentRefused(int status, String type, String reason) {
      super("HTTP " + status + " " + type + ": " + reason, null, false, false);
      this.status = status;
      this.type = type;
    }

    /** A 4xx that is about the document, not the cluster (throttled, or the index/alias is missing). */
    boolean isDocumentsFault() {
      return status >= 400 && status < 500 && status != 429 && status != 404
          && !"index_not_found_exception".equals(type);
    }
  }
}
