package org.pingliang.techmarket.search.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * BAAI bge-small-zh-v1.5 (int8-quantised ONNX, 512 dimensions) running in this JVM on the CPU; the
 * model and its tokenizer ship inside the {@code langchain4j-embeddings-bge-small-zh-v15-q} jar.
 *
 * <p>Thread-safe and blocking. Loading takes about a second and ~100 MB of memory: create one per
 * process and share it. ONNX Runtime already spreads one text over the cores, so by default a batch
 * is embedded text after text on the calling thread; {@link #BgeSmallZhEmbedder(int)} embeds up to
 * that many texts of a batch at once on an internal pool.
 */
public final class BgeSmallZhEmbedder implements TextEmbedder, AutoCloseable {

  /** The instruction bge-zh-v1.5 expects before a short retrieval query (from the model card). */
  public static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

  public static final String MODEL_ID = "bge-small-zh-v1.5-q";
  public static final int DIMENSIONS = 512;

  private final BgeSmallZhV15QuantizedEmbeddingModel model;
  private final ExecutorService pool;

  /** Embeds the texts of a batch one after another on the calling thread. */
  public BgeSmallZhEmbedder() {
    this.pool = null;
    this.model = new BgeSmallZhV15QuantizedEmbeddingModel(Runnable::run);
  }

  /** Embeds up to {@code parallelism} texts of a batch at the same time. */
  public BgeSmallZhEmbedder(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    this.pool =
        parallelism == 1
            ? null
            : Executors.newFixedThreadPool(
                parallelism, Thread.ofPlatform().daemon().name("bge-embed-", 0).factory());
    Executor executor = pool == null ? Runnable::run : pool;
    this.model = new BgeSmallZhV15QuantizedEmbeddingModel(executor);
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public float[] embedPassage(String text) {
    return normalised(model.embed(nonBlank(text)).content().vector());
  }

  @Override
  public float[] embedQuery(String text) {
    return normalised(model.embed(QUERY_INSTRUCTION + nonBlank(text)).content().vector());
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    Objects.requireNonNull(texts, "texts");
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String text : texts) {
      segments.add(TextSegment.from(nonBlank(text)));
    }
    List<Embedding> embeddings = model.embedAll(segments).content();
    List<float[]> vectors = new ArrayList<>(embeddings.size());
    for (Embedding embedding : embeddings) {
      vectors.add(normalised(embedding.vector()));
    }
    return vectors;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }

  /**
   * The model refuses blank input and Elasticsearch refuses a zero vector under cosine similarity,
   * so an empty text is embedded as a neutral placeholder.
   */
  private static String nonBlank(String text) {
    return text == null || text.isBlank() ? "-" : text;
  }

  static float[] normalised(float[] vector) {
    double sum = 0;
    for (float v : vector) {
      sum += (double) v * v;
    }
    if (sum == 0) {
      return vector;
    }
    float inverse = (float) (1.0 / Math.sqrt(sum));
    float[] result = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      result[i] = vector[i] * inverse;
    }
    return result;
  }
}
