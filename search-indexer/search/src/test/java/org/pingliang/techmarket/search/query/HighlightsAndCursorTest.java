package org.pingliang.techmarket.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HighlightsAndCursorTest {

  @Test
  void fragments_are_escaped_before_the_marks_become_em() {
    var raw = "<script>alert('x')</script> & \"" + Highlights.PRE + "马铃薯" + Highlights.POST + "\" <em>fake</em>";
    assertThat(Highlights.safe(raw)).isEqualTo(
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;<em>马铃薯</em>&quot; &lt;em&gt;fake&lt;/em&gt;");
  }

  @Test
  void matched_terms_come_from_the_marks() {
    var raw = Map.of("title", List.of(Highlights.PRE + "马铃" + Highlights.POST + "薯 " + Highlights.PRE + "贮藏"
        + Highlights.POST), "summary", List.of(Highlights.PRE + "贮藏" + Highlights.POST));
    assertThat(Highlights.terms(raw)).containsExactlyInAnyOrder("马铃", "贮藏");
  }

  @Test
  void cursors_round_trip_and_belong_to_their_search() {
    var request = new SearchRequest("马铃薯", SearchFilters.NONE, SearchSort.NEWEST, RankingMode.BM25, 20, null);
    var cursor = SearchCursor.after(request.fingerprint(), List.of(FieldValue.of(1700000000000L), FieldValue.of("id-1")))
        .encode();
    var decoded = SearchCursor.decode(cursor, request);
    assertThat(decoded.searchAfter()).extracting(FieldValue::_get).containsExactly(1700000000000L, "id-1");

    var other = new SearchRequest("苹果", SearchFilters.NONE, SearchSort.NEWEST, RankingMode.BM25, 20, null);
    assertThatThrownBy(() -> SearchCursor.decode(cursor, other)).isInstanceOf(InvalidSearchException.class)
        .extracting("field").isEqualTo("cursor");
    assertThatThrownBy(() -> SearchCursor.decode("%%%", request)).isInstanceOf(InvalidSearchException.class);
  }

  @Test
  void a_minimum_above_the_maximum_is_refused() {
    assertThatThrownBy(() -> new SearchFilters(null, null, null, null, null, 500L, 100L, null, null))
        .isInstanceOf(InvalidSearchException.class).extracting("field", "code").containsExactly("priceMinFen", "range");
  }
}
