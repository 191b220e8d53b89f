package org.pingliang.techmarket.search.embedding;

import java.util.List;

/**
 * The text the vector of a commissioner's service offer (服务供给) or a service request (服务需求) is
 * computed from, shared by the indexer and the matcher so both agree exactly. Built like
 * {@link ListingEmbeddingText}: an offer reads title and description; a request title, problem and
 * the help it expects.
 */
public final class ServiceEmbeddingText {

  private ServiceEmbeddingText() {}

  public static String offer(String title, String description) {
    return ListingEmbeddingText.of(title, null, description, List.of());
  }

  public static String request(String title, String problem, String expectedHelp) {
    return ListingEmbeddingText.of(title, problem, expectedHelp, List.of());
  }
}
