package org.pingliang.techmarket.searchindexer.listing;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.pingliang.techmarket.searchindexer.ElasticsearchProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The listings index: {@code <prefix>listings-v1} behind the alias {@code <prefix>listings}. The
 * version in the name is the mapping's; a new mapping gets a new index and the alias moves.
 */
@Component
public class ElasticsearchListingIndex {

  static final String MAPPING_VERSION = "v1";
  private static final String DEFINITION = "/elasticsearch/listings-" + MAPPING_VERSION + ".json";

  private final ElasticsearchAsyncClient client;
  private final String alias;
  private final String index;
  private final String definition = readDefinition();

  ElasticsearchListingIndex(ElasticsearchAsyncClient client, ElasticsearchProperties properties) {
    this.client = client;
    this.alias = properties.indexPrefix() + "listings";
    this.index = alias + "-" + MAPPING_VERSION;
  }

  /** The name searches and writes use. */
  public String alias() {
    return alias;
  }

  /**
   * Creates the index with its alias in one request unless it exists. Several instances may race
   * here: the loser gets {@code resource_already_exists_exception}, which means the same as success.
   */
  Mono<Void> createIfMissing() {
    return Mono.fromFuture(() -> client.indices().create(create -> create
            .index(index)
            .withJson(new StringReader(definition))
            .aliases(alias, a -> a.isWriteIndex(true))))
        .onErrorMap(CompletionException.class, ElasticsearchListingIndex::cause)
        .then()
        .onErrorResume(ElasticsearchListingIndex::isAlreadyExists, error -> Mono.empty());
  }

  /**
   * Writes the listing with external versioning, so an event older than (or as old as) the stored
   * document is rejected by the cluster itself, whatever order events arrive in.
   */
  Mono<IndexOutcome> index(ListingDocument document) {
    return Mono.fromFuture(() -> client.index(request -> request
            .index(alias)
            .id(document.id().toString())
            .version(document.version())
            .versionType(VersionType.External)
            .document(document.source())))
        .onErrorMap(CompletionException.class, ElasticsearchListingIndex::cause)
        .map(response -> IndexOutcome.INDEXED)
        .onErrorResume(ElasticsearchListingIndex::isVersionConflict, error -> Mono.just(IndexOutcome.STALE));
  }

  /**
   * Whether the cluster refused this document (a 4xx other than throttling), so retrying it is
   * pointless. A cluster that is down fails every document alike; that is not the document's fault.
   */
  static boolean isRejection(Throwable error) {
    return error instanceof ElasticsearchException e && e.status() >= 400 && e.status() < 500 && e.status() != 429;
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

  private static boolean isVersionConflict(Throwable error) {
    return error instanceof ElasticsearchException e && e.status() == 409;
  }

  /** What became of one write. */
  enum IndexOutcome {
    INDEXED,
    /** The index already holds this version or a newer one: the event is done. */
    STALE
  }
}
