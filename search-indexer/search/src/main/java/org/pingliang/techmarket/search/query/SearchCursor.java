package org.pingliang.techmarket.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the next page starts, opaque to clients. Field-ordered answers carry the last hit's sort
 * values ({@code search_after}, unbounded depth); relevance-ordered answers carry an offset into
 * the fused ranking (which ends at the rank window). Both carry the fingerprint of the search, so a
 * cursor used with other parameters is refused instead of silently skipping or repeating items.
 */
record SearchCursor(int fingerprint, Integer offset, List<FieldValue> searchAfter) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static SearchCursor offset(int fingerprint, int offset) {
    return new SearchCursor(fingerprint, offset, null);
  }

  static SearchCursor after(int fingerprint, List<FieldValue> sortValues) {
    return new SearchCursor(fingerprint, null, List.copyOf(sortValues));
  }

  String encode() {
    var body = new LinkedHashMap<String, Object>();
    body.put("f", fingerprint);
    if (offset != null) {
      body.put("o", offset);
    } else {
      body.put("a", searchAfter.stream().map(FieldValue::_get).toList());
    }
    var raw = JSON.writeValueAsString(body);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor of the given search; garbled or foreign ones are an {@link InvalidSearchException}. */
  static SearchCursor decode(String encoded, SearchRequest request) {
    try {
      var node = JSON.readTree(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
      if (!node.path("f").isInt() || node.path("f").intValue() != request.fingerprint()) {
        throw new InvalidSearchException("cursor", "malformed");
      }
      if (node.path("o").isInt() && node.path("o").intValue() >= 0) {
        return offset(request.fingerprint(), node.path("o").intValue());
      }
      if (node.path("a").isArray()) {
        var values = new ArrayList<FieldValue>();
        for (JsonNode value : node.path("a")) {
          values.add(fieldValue(value));
        }
        return after(request.fingerprint(), values);
      }
      throw new InvalidSearchException("cursor", "malformed");
    } catch (IllegalArgumentException | JacksonException e) {
      throw new InvalidSearchException("cursor", "malformed");
    }
  }

  private static FieldValue fieldValue(JsonNode value) {
    if (value.isNull()) {
      return FieldValue.NULL;
    }
    if (value.isIntegralNumber()) {
      return FieldValue.of(value.longValue());
    }
    if (value.isNumber()) {
      return FieldValue.of(value.doubleValue());
    }
    if (value.isBoolean()) {
      return FieldValue.of(value.booleanValue());
    }
    if (value.isString()) {
      return FieldValue.of(value.stringValue());
    }
    throw new InvalidSearchException("cursor", "malformed");
  }
}
