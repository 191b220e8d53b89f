package org.pingliang.techmarket.search.query;

/** A title offered while the user types. */
public record Suggestion(String text, ListingKind type, String id) {}
