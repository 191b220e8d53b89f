package org.pingliang.techmarket.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real model: these vectors must carry meaning, not merely have the right shape. */
class BgeSmallZhEmbedderTest {

  private static BgeSmallZhEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = new BgeSmallZhEmbedder();
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void describesItself() {
    assertThat(embedder.modelId()).isEqualTo("bge-small-zh-v1.5-q");
    assertThat(embedder.dimensions()).isEqualTo(512);
  }

  @Test
  void vectorsAreUnitLengthAndOfTheDeclaredSize() {
    float[] vector = embedder.embedPassage("庄浪县马铃薯脱毒种薯繁育技术");
    assertThat(vector).hasSize(512);
    assertThat(TextEmbedder.cosine(vector, vector)).isCloseTo(1.0, within(1e-4));
    assertThat(embedder.embedPassage("")).hasSize(512);
  }

  @Test
  void synonymsAreCloserThanUnrelatedTopics() {
    float[] potato = embedder.embedPassage("马铃薯种植");
    float[] potatoColloquial = embedder.embedPassage("土豆栽培");
    float[] coalMine = embedder.embedPassage("煤矿安全监测");

    double related = TextEmbedder.cosine(potato, potatoColloquial);
    double unrelated = TextEmbedder.cosine(potato, coalMine);
    assertThat(related).isGreaterThan(unrelated + 0.1);
  }

  @Test
  void aQueryFindsTheMatchingListingBeforeOthers() {
    List<String> listings =
        List.of(
            ListingEmbeddingText.of(
                "苹果矮化密植栽培技术", "静宁苹果矮砧密植，提早结果，提高优果率", null, List.of("果业")),
            ListingEmbeddingText.of(
                "煤矿瓦斯智能监测预警系统", "井下多传感器融合，实时预警瓦斯超限", null, List.of("煤炭")),
            ListingEmbeddingText.of(
                "平凉红牛高效育肥技术", "全混合日粮配方，缩短育肥周期", null, List.of("畜牧")));
    List<float[]> vectors = embedder.embedPassages(listings);
    assertThat(vectors).hasSize(3);

    float[] query = embedder.embedQuery("井下瓦斯浓度怎么实时监控");
    double apple = TextEmbedder.cosine(query, vectors.get(0));
    double coal = TextEmbedder.cosine(query, vectors.get(1));
    double cattle = TextEmbedder.cosine(query, vectors.get(2));
    assertThat(coal).isGreaterThan(apple).isGreaterThan(cattle);
  }

  @Test
  void aBatchGivesTheSameVectorsAsOneByOne() {
    List<String> texts = List.of("洋芋淀粉加工", "文旅融合 崆峒山景区");
    List<float[]> batch = embedder.embedPassages(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(TextEmbedder.cosine(batch.get(i), embedder.embedPassage(texts.get(i))))
          .isCloseTo(1.0, within(1e-4));
    }
    try (BgeSmallZhEmbedder parallel = new BgeSmallZhEmbedder(2)) {
      List<float[]> again = parallel.embedPassages(texts);
      assertThat(TextEmbedder.cosine(again.get(1), batch.get(1))).isCloseTo(1.0, within(1e-4));
    }
  }
}
