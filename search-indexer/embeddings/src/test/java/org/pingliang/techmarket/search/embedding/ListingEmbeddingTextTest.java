package org.pingliang.techmarket.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListingEmbeddingTextTest {

  @Test
  void joinsTitleTagsSummaryAndDescriptionInThatOrder() {
    String text =
        ListingEmbeddingText.of(
            "马铃薯脱毒种薯", "  高产\n 抗病 ", "适合庄浪县。", List.of("种植业", "农产品加工"));
    assertThat(text).isEqualTo("马铃薯脱毒种薯。种植业、农产品加工。高产 抗病。适合庄浪县。");
  }

  @Test
  void skipsMissingParts() {
    assertThat(ListingEmbeddingText.of("标题", null, " ", null)).isEqualTo("标题");
    assertThat(ListingEmbeddingText.of(null, null, null, List.of())).isEmpty();
  }

  @Test
  void capsTheLengthWithoutSplittingACharacter() {
    String longDescription = "煤".repeat(1000);
    String text = ListingEmbeddingText.of("标题", null, longDescription, null);
    assertThat(text).hasSize(ListingEmbeddingText.MAX_CHARS).startsWith("标题。煤");

    String surrogates = "𠀀".repeat(300); // characters outside the BMP take two chars each
    String capped = ListingEmbeddingText.of(surrogates, null, null, null);
    assertThat(capped.length()).isLessThanOrEqualTo(ListingEmbeddingText.MAX_CHARS);
    assertThat(Character.isHighSurrogate(capped.charAt(capped.length() - 1))).isFalse();
  }
}
