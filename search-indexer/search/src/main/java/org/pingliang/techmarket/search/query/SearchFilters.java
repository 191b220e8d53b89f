package org.pingliang.techmarket.search.query;

import java.util.Set;

/**
 * What a search is narrowed to. Empty sets mean "any". Values are the API's enum names and codes
 * (technology field, maturity, transfer mode, status), industry tags as written, and GB/T 2260 region
 * codes (a code ending in 00 covers its subdivisions: 620800 is all of 平凉市).
 *
 * @param transferModes achievements' transfer modes or demands' cooperation modes
 * @param priceMinFen achievements priced at least this, demands whose budget reaches it
 * @param priceMaxFen achievements priced at most this, demands whose budget starts below it
 */
public record SearchFilters(
    Set<ListingKind> types,
    Set<String> technologyFields,
    Set<String> industries,
    Set<String> maturities,
    Set<String> regions,
    Long priceMinFen,
    Long priceMaxFen,
    Set<String> transferModes,
    Set<String> statuses) {

  public static final SearchFilters NONE = new SearchFilters(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null,
      null, Set.of(), Set.of());

  public SearchFilters {
    types = copy(types);
    technologyFields = copy(technologyFields);
    industries = copy(industries);
    maturities = copy(maturities);
    regions = copy(regions);
    transferModes = copy(transferModes);
    statuses = copy(statuses);
    if (priceMinFen != null && priceMinFen < 0) {
      throw new InvalidSearchException("priceMinFen", "min");
    }
    if (priceMaxFen != null && priceMaxFen < 0) {
      throw new InvalidSearchException("priceMaxFen", "min");
    }
    if (priceMinFen != null && priceMaxFen != null && priceMinFen > priceMaxFen) {
      throw new InvalidSearchException("priceMinFen", "range");
    }
  }

  public static SearchFilters ofTypes(ListingKind... kinds) {
    return NONE.withTypes(Set.of(kinds));
  }

  public SearchFilters withTypes(Set<ListingKind> kinds) {
    return new SearchFilters(kinds, technologyFields, industries, maturities, regions, priceMinFen, priceMaxFen,
        transferModes, statuses);
  }

  public SearchFilters withIndustries(Set<String> tags) {
    return new SearchFilters(types, technologyFields, tags, maturities, regions, priceMinFen, priceMaxFen,
        transferModes, statuses);
  }

  private static <T> Set<T> copy(Set<T> values) {
    return values == null ? Set.of() : Set.copyOf(values);
  }
}
