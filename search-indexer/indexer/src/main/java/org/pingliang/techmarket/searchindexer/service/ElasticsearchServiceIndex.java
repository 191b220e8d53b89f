package org.pingliang.techmarket.searchindexer.service;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.pingliang.techmarket.searchindexer.ElasticsearchProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The services index: {@code <prefix>services-vN} behind the alias {@code <prefix>services}, the
 * mapping versioned in {@code elasticsearch/services-vN.json} (same Chinese analysis as listings:
 * cjk bigrams + domain synonyms, and the bge-small-zh vector). Written with external versions, so an
 * older or repeated event never overwrites a newer document.
 */
@Component
public class ElasticsearchServiceIndex {

  static final String MAPPING_VERSION = "v1";
  private static final String DEFINITION = "/elasticsearch/services-" + MAPPING_VERSION + ".json";

  private final ElasticsearchAsyncClient client;
  private final String alias;
  private final String definition = readDefinition();

  @org.springframework.beans.factory.annotation.Autowired
  ElasticsearchServiceIndex(ElasticsearchAsyncClient client, ElasticsearchProperties properties) {
    this(client, properties.indexPrefix());
  }

  ElasticsearchServiceIndex(ElasticsearchAsyncClient client, String prefix) {
    this.client = client;
    this.alias = prefix + "services";
  }

  public String alias() {
    return alias;
  }

  /** Creates the index with its alias unless the alias exists (a lost creation race is fine). */
  Mono<Void> createIfMissing() {
    return call(() -> client.indices().existsAlias(exists -> exists.name(alias))).flatMap(exists -> exists.value()
        ? Mono.<Void>empty()
        : call(() -> client.indices().create(create -> create.index(alias + "-" + MAPPING_VERSION)
                .withJson(new StringReader(definition)).aliases(alias, a -> a.isWriteIndex(true))))
            .then()
            .onErrorResume(ElasticsearchServiceIndex::isAlreadyExists, error -> Mono.empty()));
  }

  /**
   * Writes the documents with external versions. Results in the documents' order: null when written
   * or already newer (409), otherwise the refusal. A failure of the whole request fails the Mono.
   */
  Mono<List<Refusal>> write(List<ServiceDocument> documents, boolean refresh) {
    if (documents.isEmpty()) {
      return Mono.just(List.of());
    }
    var operations = new ArrayList<BulkOperation>(documents.size());
    for (var document : documents) {
      operations.add(BulkOperation.of(operation -> operation.index(index -> index
          .id(document.id().toString())
          .version(document.version())
          .versionType(VersionType.External)
          .document(document.source()))));
    }
    return call(() -> client.bulk(bulk -> bulk.index(alias).requireAlias(true).operations(operations)
            .refresh(refresh ? Refresh.True : Refresh.False)))
        .map(response -> {
          var results = new ArrayList<Refusal>(documents.size());
          for (BulkResponseItem item : response.items()) {
            results.add(item.error() == null || item.status() == 409 ? null
                : new Refusal(item.status(), item.error().type(), item.error().reason()));
          }
          return results;
        });
  }

  private static <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
    return Mono.fromFuture(request)
        .onErrorMap(CompletionException.class, error -> error.getCause() != null ? error.getCause() : error);
  }

  private static boolean isAlreadyExists(Throwable error) {
    return error instanceof ElasticsearchException e && "resource_already_exists_exception".equals(e.error().type());
  }

  private static String readDefinition() {
    try (var stream = ElasticsearchServiceIndex.class.getResourceAsStream(DEFINITION)) {
      if (stream == null) {
        throw new IOException("missing " + DEFINITION);
      }
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cluster refused one document. */
  static final class Refusal extends RuntimeException {
    private final int status;
    private final String type;

    Refusal(int status, String type, String reason) {
      super("HTTP " + status + " " + type + ": " + reason, null, false, false);
      this.status = status;
      this.type = type;
    }

    /** A 4xx about the document itself (not throttling, not a missing index): retrying cannot help. */
    boolean isDocumentsFault() {
      return status >= 400 && status < 500 && status != 429 && status != 404
          && !"index_not_found_exception".equals(type);
    }
  }
}
