package org.pingliang.techmarket.search.benchmarks;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.pingliang.techmarket.search.embedding.TextEmbedder;

/**
 * Turns generated listings into index documents shaped like the indexer's (same fields), and gives
 * each a vector without running the model 100,000 times (hours on two cores): the model embeds each
 * domain's subjects and techniques once (about 200 short texts, cached on disk), and a listing's
 * vector is the normalised sum of its subject's and technique's vectors plus a little deterministic
 * noise. The kNN graph so holds 100,000 distinct, topically clustered points; the quality of those
 * vectors is not what this benchmark measures (infra/bin/eval-matching does that on real ones).
 */
final class CorpusDocuments {

  static final String CORPUS_ORGANISATION = "01941f29-7c00-7000-8000-0000000bc100";
  private static final Instant EPOCH = Instant.parse("2024-06-01T00:00:00Z");

  private final CorpusGenerator generator;
  private final float[][][] subjectVectors;
  private final float[][][] techniqueVectors;
  private final String modelId;

  CorpusDocuments(CorpusGenerator generator, TextEmbedder embedder, Path cache, long seed) throws IOException {
    this.generator = generator;
    this.modelId = embedder.modelId();
    var domains = CorpusGenerator.DOMAINS;
    var texts = new ArrayList<String>();
    for (var domain : domains) {
      for (var subject : domain.subjects()) {
        texts.add(domain.tag() + "：" + subject);
      }
      for (var technique : domain.techniques()) {
        texts.add(domain.tag() + "：" + technique);
      }
    }
    var file = cache.resolve("bench-search-basis-" + embedder.modelId() + "-" + Integer.toHexString(texts.hashCode()) + ".bin");
    List<float[]> vectors;
    if (Files.exists(file)) {
      vectors = read(file, texts.size(), embedder.dimensions());
    } else {
      vectors = embedder.embedPassages(texts);
      Files.createDirectories(cache);
      write(file, vectors);
    }
    subjectVectors = new float[domains.size()][][];
    techniqueVectors = new float[domains.size()][][];
    var k = 0;
    for (var d = 0; d < domains.size(); d++) {
      subjectVectors[d] = new float[domains.get(d).subjects().length][];
      for (var s = 0; s < subjectVectors[d].length; s++) {
        subjectVectors[d][s] = vectors.get(k++);
      }
      techniqueVectors[d] = new float[domains.get(d).techniques().length][];
      for (var t = 0; t < techniqueVectors[d].length; t++) {
        techniqueVectors[d][t] = vectors.get(k++);
      }
    }
  }

  /** The index document of corpus listing {@code n}, with its derived vector. */
  Map<String, Object> document(long n) {
    var listing = generator.listing(n);
    var doc = fields(listing, CORPUS_ORGANISATION, EPOCH.plusSeconds(n * 600).toString());
    var vector = vector(listing, n);
    var list = new ArrayList<Float>(vector.length);
    for (var v : vector) {
      list.add(v);
    }
    doc.put("embeddingModel", modelId);
    doc.put("embedding", list);
    return doc;
  }

  /** The fields the indexer writes for a listing (no vector). */
  static Map<String, Object> fields(CorpusGenerator.Listing listing, String organisationId, String publishedAt) {
    var doc = new LinkedHashMap<String, Object>();
    var demand = listing.type().equals("DEMAND");
    doc.put("id", listing.id());
    doc.put("type", listing.type());
    doc.put("status", demand ? "OPEN" : "PUBLISHED");
    doc.put("visible", true);
    doc.put("version", 1);
    doc.put("title", listing.title());
    if (demand) {
      doc.put("problem", listing.problem());
      doc.put("expectedOutcome", listing.expectedOutcome());
      doc.put("cooperationModes", listing.modes());
      doc.put("budgetNegotiable", listing.priceFen() == null);
      if (listing.priceFen() != null) {
        doc.put("budgetMinFen", listing.priceFen() / 2);
        doc.put("budgetMaxFen", listing.priceFen());
      }
      doc.put("challenge", false);
    } else {
      doc.put("summary", listing.summary());
      doc.put("maturity", listing.maturity());
      doc.put("transferModes", listing.modes());
      doc.put("priceNegotiable", listing.priceFen() == null);
      if (listing.priceFen() != null) {
        doc.put("priceFen", listing.priceFen());
      }
    }
    doc.put("description", listing.description());
    doc.put("technologyField", listing.technologyField());
    doc.put("industryTags", listing.industryTags());
    doc.put("regionCode", listing.regionCode());
    doc.put("organisationId", organisationId);
    doc.put("organisationName", listing.organisationName());
    doc.put("publishedAt", publishedAt);
    doc.put("updatedAt", publishedAt);
    return doc;
  }

  float[] vector(CorpusGenerator.Listing listing, long n) {
    var s = subjectVectors[listing.domain()][listing.subject()];
    var t = techniqueVectors[listing.domain()][listing.technique()];
    var random = new Random(n * 31 + 7);
    var sigma = 0.35 / Math.sqrt(s.length);
    var v = new float[s.length];
    double norm = 0;
    for (var i = 0; i < v.length; i++) {
      v[i] = (float) (s[i] + t[i] + random.nextGaussian() * sigma);
      norm += (double) v[i] * v[i];
    }
    var inverse = (float) (1 / Math.sqrt(norm));
    for (var i = 0; i < v.length; i++) {
      v[i] *= inverse;
    }
    return v;
  }

  private static List<float[]> read(Path file, int count, int dimensions) throws IOException {
    try (var in = new DataInputStream(Files.newInputStream(file))) {
      var vectors = new ArrayList<float[]>(count);
      for (var i = 0; i < count; i++) {
        var v = new float[dimensions];
        for (var j = 0; j < dimensions; j++) {
          v[j] = in.readFloat();
        }
        vectors.add(v);
      }
      return vectors;
    }
  }

  private static void write(Path file, List<float[]> vectors) throws IOException {
    var temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (var out = new DataOutputStream(Files.newOutputStream(temporary))) {
      for (var v : vectors) {
        for (var f : v) {
          out.writeFloat(f);
        }
      }
    }
    Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
