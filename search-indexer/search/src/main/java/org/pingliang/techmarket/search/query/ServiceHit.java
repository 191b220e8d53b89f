package org.pingliang.techmarket.search.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One service offer (服务供给) or service request (服务需求) in a match answer. Highlights are
 * HTML-escaped text with only {@code <em>} added.
 *
 * @param kind OFFER or REQUEST
 * @param summary an offer's description, a request's problem
 * @param counties an offer's counties served; a request's county (one code)
 * @param modes an offer's modes (ON_SITE, REMOTE); empty for requests
 * @param commissioner who offers (offers only)
 * @param requester who asks (requests only)
 * @param deadline a request's deadline (ISO date), null for offers
 */
public record ServiceHit(
    Kind kind,
    String id,
    long version,
    String title,
    String summary,
    Map<String, List<String>> highlights,
    String technologyField,
    String serviceType,
    List<String> counties,
    List<String> modes,
    Commissioner commissioner,
    Requester requester,
    String deadline,
    String status,
    Instant publishedAt,
    Double score,
    ScoreBreakdown breakdown,
    MatchReasons reasons) {

  public enum Kind { OFFER, REQUEST }

  public record Commissioner(String subject, String name) {}

  /** @param kind ENTERPRISE, VILLAGE or COMMUNITY */
  public record Requester(String kind, String organisationId, String organisationName, String placeName,
      String villageId) {}

  ServiceHit with(Map<String, List<String>> newHighlights, MatchReasons why) {
    return new ServiceHit(kind, id, version, title, summary, newHighlights, technologyField, serviceType, counties,
        modes, commissioner, requester, deadline, status, publishedAt, score, breakdown, why);
  }
}
