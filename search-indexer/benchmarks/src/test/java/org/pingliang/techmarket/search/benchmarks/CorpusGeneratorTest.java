package org.pingliang.techmarket.search.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingliang.techmarket.search.embedding.TextEmbedder;

class CorpusGeneratorTest {

  private final CorpusGenerator generator = new CorpusGenerator(20261126L);

  @Test
  void theSameSeedGivesTheSameListingsAndAnotherSeedOthers() {
    assertThat(generator.listing(12_345)).isEqualTo(new CorpusGenerator(20261126L).listing(12_345));
    assertThat(generator.listing(12_345).title()).isNotEqualTo(new CorpusGenerator(7L).listing(12_345).title());
    assertThat(generator.queries(50)).isEqualTo(new CorpusGenerator(20261126L).queries(50));
  }

  @Test
  void listingsAreDistinctChineseAchievementsAndDemandsOfEveryDomain() {
    var ids = new HashSet<String>();
    var titles = new HashSet<String>();
    var domains = new HashSet<Integer>();
    var demands = 0;
    for (var n = 0; n < 5_000; n++) {
      var listing = generator.listing(n);
      ids.add(listing.id());
      titles.add(listing.title());
      domains.add(listing.domain());
      assertThat(listing.title()).containsPattern("\\p{IsHan}{4,}");
      assertThat(listing.industryTags()).isNotEmpty();
      assertThat(listing.regionCode()).startsWith("6208");
      if (listing.type().equals("DEMAND")) {
        demands++;
        assertThat(listing.problem()).contains(listing.industryTags().getLast().substring(0, 2));
        assertThat(listing.expectedOutcome()).isNotBlank();
      } else {
        assertThat(listing.type()).isEqualTo("ACHIEVEMENT");
        assertThat(listing.summary()).matches(".*\\d+%.*");
        assertThat(listing.maturity()).isNotNull();
      }
    }
    assertThat(ids).hasSize(5_000);
    assertThat(titles).hasSize(5_000);
    assertThat(domains).hasSize(CorpusGenerator.DOMAINS.size());
    assertThat(demands).isEqualTo(1_000);
  }

  @Test
  void derivedVectorsAreNormalisedDeterministicAndClusteredByTopic(@TempDir Path cache) throws IOException {
    var embedder = new RandomEmbedder();
    var documents = new CorpusDocuments(generator, embedder, cache, 1);
    var a = generator.listing(0);
    var sameTopic = sameTopicAs(a, 1);
    var otherDomain = generator.listing(1);
    var va = documents.vector(a, 0);
    assertThat(TextEmbedder.cosine(va, va)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(documents.vector(a, 0)).isEqualTo(va);
    var close = TextEmbedder.cosine(va, documents.vector(generator.listing(sameTopic), sameTopic));
    var far = TextEmbedder.cosine(va, documents.vector(otherDomain, 1));
    assertThat(close).isGreaterThan(0.8).isGreaterThan(far + 0.3);
    // the basis is cached: a second instance does not call the model again
    var calls = embedder.calls;
    new CorpusDocuments(generator, embedder, cache, 1);
    assertThat(embedder.calls).isEqualTo(calls);
    assertThat(documents.document(0)).containsKeys("id", "type", "title", "visible", "embedding", "organisationId");
  }

  private long sameTopicAs(CorpusGenerator.Listing listing, long from) {
    for (var n = from; ; n++) {
      var other = generator.listing(n);
      if (other.domain() == listing.domain() && other.subject() == listing.subject()
          && other.technique() == listing.technique()) {
        return n;
      }
    }
  }

  /** Random unit vectors per text (a stand-in for the model: only geometry matters here). */
  private static final class RandomEmbedder implements TextEmbedder {
    int calls;

    @Override
    public String modelId() {
      return "random";
    }

    @Override
    public int dimensions() {
      return 64;
    }

    @Override
    public float[] embedPassage(String text) {
      var random = new Random(text.hashCode());
      var v = new float[64];
      double norm = 0;
      for (var i = 0; i < v.length; i++) {
        v[i] = (float) random.nextGaussian();
        norm += v[i] * v[i];
      }
      for (var i = 0; i < v.length; i++) {
        v[i] /= (float) Math.sqrt(norm);
      }
      return v;
    }

    @Override
    public float[] embedQuery(String text) {
      return embedPassage(text);
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
      calls++;
      return texts.stream().map(this::embedPassage).toList();
    }
  }
}
