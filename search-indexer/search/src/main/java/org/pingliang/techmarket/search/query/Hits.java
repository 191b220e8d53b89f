package org.pingliang.techmarket.search.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Index documents (see the indexer's ListingDocument) turned into API items. */
final class Hits {

  private Hits() {}

  static ListingHit toListingHit(Map<?, ?> source, Map<String, List<String>> rawHighlights, Double score,
      ScoreBreakdown breakdown, Set<String> verifiedHolders) {
    var type = ListingKind.valueOf(text(source, "type"));
    var organisationId = text(source, "organisationId");
    var holder = organisationId == null ? null : new ListingHit.Holder(organisationId, text(source, "organisationName"),
        verifiedHolders.contains(organisationId));
    var summary = switch (type) {
      case ACHIEVEMENT -> text(source, "summary");
      case DEMAND -> text(source, "problem");
      case PACKAGE -> text(source, "theme");
    };
    var price = type == ListingKind.ACHIEVEMENT
        ? new ListingHit.Price(number(source, "priceFen"), Boolean.TRUE.equals(source.get("priceNegotiable"))) : null;
    var budget = type == ListingKind.DEMAND ? new ListingHit.Budget(number(source, "budgetMinFen"),
        number(source, "budgetMaxFen"), Boolean.TRUE.equals(source.get("budgetNegotiable"))) : null;
    var modes = type == ListingKind.DEMAND ? texts(source, "cooperationModes") : texts(source, "transferModes");
    var published = text(source, "publishedAt");
    // Keep the raw marks: reasons read the terms from them; safe() is applied when the item is built.
    return new ListingHit(type, text(source, "id"), number(source, "version") == null ? 0 : number(source, "version"),
        text(source, "title"), summary, rawHighlights == null ? Map.of() : rawHighlights, holder,
        text(source, "regionCode"), text(source, "technologyField"), text(source, "maturity"),
        texts(source, "industryTags"), price, budget, modes, text(source, "status"),
        published == null ? null : Instant.parse(published), score, breakdown, null);
  }

  /** The hit as clients see it: highlights escaped, with only {@code <em>} added. */
  static ListingHit safe(ListingHit hit) {
    return new ListingHit(hit.type(), hit.id(), hit.version(), hit.title(), hit.summary(),
        Highlights.safe(hit.highlights()), hit.holder(), hit.region(), hit.technologyField(), hit.maturity(),
        hit.industryTags(), hit.price(), hit.budget(), hit.transferModes(), hit.status(), hit.publishedAt(),
        hit.score(), hit.breakdown(), hit.reasons());
  }

  /** Why a matched listing fits the listing it was matched for. */
  static MatchReasons reasons(ListingHit hit, ListingSearch.MatchInput input) {
    var filters = new ArrayList<String>();
    if (input.technologyField() != null && input.technologyField().equals(hit.technologyField())) {
      filters.add("technologyField");
    }
    if (input.regionCode() != null && hit.region() != null && input.regionCode().length() >= 4
        && hit.region().startsWith(input.regionCode().substring(0, 4))) {
      filters.add("region");
    }
    if (input.industryTags() != null && hit.industryTags() != null) {
      var shared = new HashSet<>(input.industryTags());
      shared.retainAll(hit.industryTags());
      if (!shared.isEmpty()) {
        filters.add("industry");
      }
    }
    var similarity = hit.breakdown() == null ? null : hit.breakdown().vectorSimilarity();
    return new MatchReasons(Highlights.terms(hit.highlights()), List.copyOf(hit.highlights().keySet()), similarity,
        filters);
  }

  private static String text(Map<?, ?> source, String field) {
    var value = source.get(field);
    return value == null ? null : value.toString();
  }

  private static Long number(Map<?, ?> source, String field) {
    return source.get(field) instanceof Number number ? number.longValue() : null;
  }

  private static List<String> texts(Map<?, ?> source, String field) {
    return source.get(field) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }
}
