package org.pingliang.techmarket.search.embedding;

import java.util.List;

/**
 * Turns Chinese (and English) text into dense vectors for semantic search.
 *
 * <p>Implementations are blocking and CPU-bound: reactive callers must run them on a bounded
 * executor or scheduler, never on an event-loop thread. Every vector returned is L2-normalised, so
 * cosine similarity equals the dot product.
 */
public interface TextEmbedder {

  /** A stable identifier of the model, stored beside vectors so a model change can be detected. */
  String modelId();

  /** Length of every vector this embedder returns. */
  int dimensions();

  /** The vector of a document text (what is stored in the index). */
  float[] embedPassage(String text);

  /**
   * The vector of a search query: asymmetric retrieval models (bge) expect an instruction before
   * short queries, see {@link BgeSmallZhEmbedder#QUERY_INSTRUCTION}.
   */
  float[] embedQuery(String text);

  /** Vectors of several document texts, in the same order; cheaper per text than one by one. */
  List<float[]> embedPassages(List<String> texts);

  /** Cosine similarity of two L2-normalised vectors (their dot product). */
  static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors differ in length: " + a.length + " vs " + b.length);
    }
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
    }
    return dot;
  }
}
