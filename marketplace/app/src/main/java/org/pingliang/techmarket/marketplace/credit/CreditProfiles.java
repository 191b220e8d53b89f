package org.pingliang.techmarket.marketplace.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.credit.BanStore.Ban;
import org.pingliang.techmarket.marketplace.credit.EngagementStore.Record;
import org.pingliang.techmarket.marketplace.organisation.Organisation;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Credit scores (信用分, 0–100) with the reasons behind them, for organisations (providers,
 * institutions, broker agencies, enterprises) and people (brokers, commissioners).
 *
 * <ul>
 *   <li>Ratings, up to {@value #RATING_POINTS}: the Bayesian average of the stars received, pulled
 *       towards {@value #PRIOR_MEAN} as if {@value #PRIOR_WEIGHT} such ratings came first, so a
 *       single 5-star rating does not outrank a long good record; mapped from 1–5 onto 0–70.
 *   <li>Track record, up to {@value #ENGAGEMENT_POINTS}: {@value #POINTS_PER_ENGAGEMENT} per
 *       completed engagement (contracts, services, bookings), at most {@value #ENGAGEMENT_CAP}.
 *   <li>Misconduct: a ban in force sets the score to 0 and the status to {@code BANNED}.
 * </ul>
 */
@Service
class CreditProfiles {

  static final double PRIOR_MEAN = 3.5;
  static final int PRIOR_WEIGHT = 5;
  static final int RATING_POINTS = 70;
  static final int ENGAGEMENT_POINTS = 30;
  static final int POINTS_PER_ENGAGEMENT = 3;
  static final int ENGAGEMENT_CAP = 10;

  private final EngagementStore engagements;
  private final BanStore bans;
  private final Organisations organisations;
  private final MessageSource messages;

  CreditProfiles(EngagementStore engagements, BanStore bans, Organisations organisations, MessageSource messages) {
    this.engagements = engagements;
    this.bans = bans;
    this.organisations = organisations;
    this.messages = messages;
  }

  /** Public for verified organisations; 404 otherwise. */
  Mono<CreditProfile> organisation(UUID id, Locale locale) {
    return organisations.find(id)
        .filter(Organisation::isVerified)
        .switchIfEmpty(Mono.error(CreditProblems::notFound))
        .flatMap(organisation -> Mono.zip(engagements.record(id, null),
                bans.inForce(id, null).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
            .map(both -> profile("ORGANISATION", id, null, organisation.name(), organisation.kind().name(),
                both.getT1(), both.getT2().orElse(null), locale)));
  }

  /** Any person (a broker, a commissioner) by Keycloak subject; someone without history has status NO_HISTORY. */
  Mono<CreditProfile> person(String subject, Locale locale) {
    return Mono.zip(engagements.record(null, subject),
            bans.inForce(null, subject).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
        .map(both -> profile("PERSON", null, subject, both.getT2().map(Ban::name).orElse(null), null, both.getT1(),
            both.getT2().orElse(null), locale));
  }

  /** The score of a record; pure, so the formula is unit-tested on its own. */
  static Score score(long ratings, long starSum, long completed, boolean banned) {
    var bayesian = (PRIOR_WEIGHT * PRIOR_MEAN + starSum) / (PRIOR_WEIGHT + ratings);
    var ratingPoints = (int) Math.round((bayesian - 1) / 4 * RATING_POINTS);
    var engagementPoints = (int) Math.min(completed, ENGAGEMENT_CAP) * POINTS_PER_ENGAGEMENT;
    var total = banned ? 0 : ratingPoints + engagementPoints;
    var status = banned ? "BANNED" : ratings == 0 && completed == 0 ? "NO_HISTORY" : "ACTIVE";
    return new Score(total, status, round(bayesian), ratingPoints, engagementPoints);
  }

  record Score(int total, String status, BigDecimal bayesianAverage, int ratingPoints, int engagementPoints) {}

  private CreditProfile profile(String type, UUID organisationId, String personSubject, String name,
      String organisationKind, Record record, Ban ban, Locale locale) {
    var score = score(record.ratings(), record.starSum(), record.engagements(), ban != null);
    var average = record.ratings() == 0 ? null : round((double) record.starSum() / record.ratings());
    var components = new ArrayList<Component>();
    components.add(new Component("ratings", score.bayesianAverage().toPlainString(), score.ratingPoints(),
        RATING_POINTS, text("credit.component.ratings", locale, score.bayesianAverage().toPlainString(),
            record.ratings(), average == null ? "—" : average.toPlainString(), PRIOR_MEAN, PRIOR_WEIGHT,
            score.ratingPoints(), RATING_POINTS)));
    components.add(new Component("engagements", Long.toString(record.engagements()), score.engagementPoints(),
        ENGAGEMENT_POINTS, text("credit.component.engagements", locale, record.engagements(), POINTS_PER_ENGAGEMENT,
            ENGAGEMENT_CAP, score.engagementPoints(), ENGAGEMENT_POINTS)));
    components.add(ban == null
        ? new Component("misconduct", "NONE", 0, 0, text("credit.component.no-ban", locale))
        : new Component("misconduct", "BANNED", -(score.ratingPoints() + score.engagementPoints()), 0,
            text("credit.component.banned", locale, ban.reason())));
    return new CreditProfile(type, organisationId, personSubject, name, organisationKind, score.total(), 100,
        score.status(), text("credit.status." + score.status(), locale), components,
        new RatingSummary(record.ratings(), average, record.distribution()),
        record.recent().stream().map(c -> new RecentRating(c.stars(), c.comment(), c.engagementKind(), c.createdAt()))
            .toList(),
        ban == null ? null : new BanSummary(ban.reason(), ban.imposedAt()));
  }

  private String text(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, key, locale);
  }

  private static BigDecimal round(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * @param status {@code ACTIVE}, {@code NO_HISTORY} or {@code BANNED}
   * @param components each part of the score with its points and an explanation in the request's language
   */
  record CreditProfile(String subjectType, UUID organisationId, String personSubject, String name,
      String organisationKind, int score, int maxScore, String status, String statusText, List<Component> components,
      RatingSummary ratings, List<RecentRating> recentRatings, BanSummary ban) {}

  record Component(String key, String value, int points, int maxPoints, String explanation) {}

  /** @param distribution counts of 1, 2, 3, 4 and 5 stars */
  record RatingSummary(long count, BigDecimal average, List<Long> distribution) {}

  record RecentRating(int stars, String comment, String engagementKind, Instant createdAt) {}

  record BanSummary(String reason, Instant imposedAt) {}
}
