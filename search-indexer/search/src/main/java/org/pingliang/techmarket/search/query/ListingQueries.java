package org.pingliang.techmarket.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.util.NamedValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The query DSL of listing search, built with the official client's builders (never strings). */
final class ListingQueries {

  /** Text fields searched, with their weights. */
  static final List<String> TEXT_FIELDS = List.of("title^3", "summary^2", "problem^2", "description",
      "expectedOutcome");
  static final List<String> HIGHLIGHT_FIELDS = List.of("title", "summary", "problem", "description", "expectedOutcome");
  /** Source fields hits need; the embedding stays in the index. */
  static final List<String> SOURCE_EXCLUDES = List.of("embedding");

  private ListingQueries() {}

  /** The facets of an answer, their API names and index fields. */
  enum Facet {
    TYPE("type", "type"),
    TECHNOLOGY_FIELD("technologyField", "technologyField"),
    INDUSTRY("industry", "industryTags"),
    MATURITY("maturity", "maturity"),
    REGION("region", "regionCode"),
    TRANSFER_MODE("transferMode", "transferModes", "cooperationModes");

    final String apiName;
    final List<String> fields;

    Facet(String apiName, String... fields) {
      this.apiName = apiName;
      this.fields = List.of(fields);
    }
  }

  static Query visible() {
    return Query.of(q -> q.term(t -> t.field("visible").value(true)));
  }

  static Query terms(String field, Collection<String> values) {
    return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
  }

  static Query anyOf(List<Query> alternatives) {
    return Query.of(q -> q.bool(b -> b.should(alternatives).minimumShouldMatch("1")));
  }

  static Query allOf(List<Query> clauses) {
    return Query.of(q -> q.bool(b -> b.filter(clauses)));
  }

  /** Words of a search: most of them must occur (75 %), weighted by field; synonyms via the search analyzer. */
  static Query searchText(String text) {
    return Query.of(q -> q.multiMatch(m -> m.query(text).fields(TEXT_FIELDS).type(TextQueryType.BestFields)
        .tieBreaker(0.3).minimumShouldMatch("75%")));
  }

  /** Words of a listing being matched: any may occur, the more the better. */
  static Query matchText(String text) {
    return Query.of(q -> q.multiMatch(m -> m.query(text).fields(TEXT_FIELDS).type(TextQueryType.BestFields)
        .tieBreaker(0.3)));
  }

  /** A region code; one ending in 00 also covers its subdivisions (620800 → 6208xx). */
  static Query region(String code) {
    var prefix = code;
    while (prefix.length() > 2 && prefix.endsWith("00")) {
      prefix = prefix.substring(0, prefix.length() - 2);
    }
    if (prefix.equals(code)) {
      return Query.of(q -> q.term(t -> t.field("regionCode").value(code)));
    }
    var start = prefix;
    return Query.of(q -> q.prefix(p -> p.field("regionCode").value(start)));
  }

  /** Every filter clause of the request except those of {@code except} (null: all). */
  static List<Query> filters(SearchFilters filters, Facet except) {
    var clauses = new ArrayList<Query>();
    if (!filters.types().isEmpty() && except != Facet.TYPE) {
      clauses.add(terms("type", filters.types().stream().map(Enum::name).toList()));
    }
    if (!filters.technologyFields().isEmpty() && except != Facet.TECHNOLOGY_FIELD) {
      clauses.add(terms("technologyField", filters.technologyFields()));
    }
    if (!filters.industries().isEmpty() && except != Facet.INDUSTRY) {
      clauses.add(terms("industryTags", filters.industries()));
    }
    if (!filters.maturities().isEmpty() && except != Facet.MATURITY) {
      clauses.add(terms("maturity", filters.maturities()));
    }
    if (!filters.regions().isEmpty() && except != Facet.REGION) {
      clauses.add(anyOf(filters.regions().stream().map(ListingQueries::region).toList()));
    }
    if (!filters.transferModes().isEmpty() && except != Facet.TRANSFER_MODE) {
      clauses.add(anyOf(List.of(terms("transferModes", filters.transferModes()),
          terms("cooperationModes", filters.transferModes()))));
    }
    if (!filters.statuses().isEmpty()) {
      clauses.add(terms("status", filters.statuses()));
    }
    if (filters.priceMinFen() != null || filters.priceMaxFen() != null) {
      clauses.add(price(filters.priceMinFen(), filters.priceMaxFen()));
    }
    return clauses;
  }

  /** Achievements priced inside the range; demands whose budget range overlaps it. */
  private static Query price(Long min, Long max) {
    var achievement = Query.of(q -> q.range(r -> r.number(n -> {
      n.field("priceFen");
      if (min != null) {
        n.gte(min.doubleValue());
      }
      if (max != null) {
        n.lte(max.doubleValue());
      }
      return n;
    })));
    var demandClauses = new ArrayList<Query>();
    if (min != null) {
      demandClauses.add(Query.of(q -> q.range(r -> r.number(n -> n.field("budgetMaxFen").gte(min.doubleValue())))));
    }
    if (max != null) {
      demandClauses.add(Query.of(q -> q.range(r -> r.number(n -> n.field("budgetMinFen").lte(max.doubleValue())))));
    }
    return anyOf(List.of(achievement, allOf(demandClauses)));
  }

  /** Facet aggregations; each counts under every filter but its own (post_filter does the rest). */
  static Map<String, Aggregation> facets(SearchFilters filters) {
    var aggregations = new LinkedHashMap<String, Aggregation>();
    for (var facet : Facet.values()) {
      var others = filters(filters, facet);
      var subs = new LinkedHashMap<String, Aggregation>();
      for (var i = 0; i < facet.fields.size(); i++) {
        var field = facet.fields.get(i);
        subs.put("values" + i, Aggregation.of(a -> a.terms(t -> t.field(field).size(50))));
      }
      aggregations.put(facet.apiName, Aggregation.of(a -> a.filter(allOf(others)).aggregations(subs)));
    }
    return aggregations;
  }

  /** Marks with private-use characters; {@link Highlights} escapes and turns them into {@code <em>}. */
  static Highlight highlight(Query highlightQuery) {
    return highlight(highlightQuery, HIGHLIGHT_FIELDS);
  }

  /** The same for another index's text fields (a field named {@code title} is highlighted whole). */
  static Highlight highlight(Query highlightQuery, List<String> highlightFields) {
    var fields = new ArrayList<NamedValue<HighlightField>>();
    for (var field : highlightFields) {
      var whole = field.equals("title");
      fields.add(NamedValue.of(field, HighlightField.of(f -> f.numberOfFragments(whole ? 0 : 2).fragmentSize(80))));
    }
    return Highlight.of(h -> {
      h.preTags(Highlights.PRE).postTags(Highlights.POST).fields(fields);
      if (highlightQuery != null) {
        h.highlightQuery(highlightQuery);
      }
      return h;
    });
  }
}
