package org.pingliang.techmarket.marketplace.credit;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.Parameters;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading engagements with their parties and ratings; writing ratings. */
@Component
class EngagementStore {

  private final DatabaseClient database;

  EngagementStore(DatabaseClient database) {
    this.database = database;
  }

  record StoredParty(int position, String role, UUID organisationId, String organisationName, String personSubject) {}

  record StoredRating(int raterPosition, int ratedPosition, int stars, String comment, Instant createdAt) {}

  record StoredEngagement(UUID id, String kind, UUID referenceId, Instant completedAt, List<StoredParty> parties,
      List<StoredRating> ratings) {

    StoredParty party(int position) {
      return parties.stream().filter(p -> p.position() == position).findFirst().orElse(null);
    }
  }

  Mono<StoredEngagement> find(UUID id) {
    return database.sql("SELECT id, kind, reference_id, completed_at FROM credit_engagements WHERE id = :id")
        .bind("id", id)
        .map(row -> new Object[] {row.get("id", UUID.class), row.get("kind", String.class),
            row.get("reference_id", UUID.class), row.get("completed_at", Instant.class)})
        .one()
        .flatMap(head -> Mono.zip(parties((UUID) head[0]).collectList(), ratings((UUID) head[0]).collectList())
            .map(both -> new StoredEngagement((UUID) head[0], (String) head[1], (UUID) head[2], (Instant) head[3],
                both.getT1(), both.getT2())));
  }

  /** Ids of the engagements where one of these organisations or this person is a party, newest first. */
  Flux<UUID> involving(List<UUID> organisations, String subject, int limit) {
    return database.sql("""
            SELECT e.id FROM credit_engagements e
            WHERE EXISTS (SELECT 1 FROM credit_engagement_parties p WHERE p.engagement_id = e.id
              AND (p.person_subject = :subject OR p.organisation_id = ANY(:organisations)))
            ORDER BY e.completed_at DESC, e.id DESC LIMIT :limit""")
        .bind("subject", subject).bind("organisations", organisations.toArray(UUID[]::new)).bind("limit", limit)
        .map(row -> row.get("id", UUID.class)).all();
  }

  Flux<StoredParty> parties(UUID engagementId) {
    return database.sql("""
            SELECT p.position, p.role, p.organisation_id, o.name AS organisation_name, p.person_subject
            FROM credit_engagement_parties p LEFT JOIN organisations o ON o.id = p.organisation_id
            WHERE p.engagement_id = :id ORDER BY p.position""")
        .bind("id", engagementId)
        .map(row -> new StoredParty(row.get("position", Integer.class), row.get("role", String.class),
            row.get("organisation_id", UUID.class), row.get("organisation_name", String.class),
            row.get("person_subject", String.class)))
        .all();
  }

  Flux<StoredRating> ratings(UUID engagementId) {
    return database.sql("""
            SELECT rater_position, rated_position, stars, comment, created_at FROM credit_ratings
            WHERE engagement_id = :id ORDER BY created_at, rater_position""")
        .bind("id", engagementId).map(EngagementStore::rating).all();
  }

  /** Stores a rating unless that side already rated that side; true when stored. */
  Mono<Boolean> rate(UUID engagementId, int raterPosition, StoredParty rated, String raterSubject, int stars,
      String comment, Instant now) {
    return database.sql("""
            INSERT INTO credit_ratings (id, engagement_id, rater_position, rated_position, rater_subject,
              rated_organisation_id, rated_person_subject, stars, comment, created_at)
            VALUES (:id, :engagement, :rater, :rated, :subject, :organisation, :person, :stars, :comment, :now)
            ON CONFLICT (engagement_id, rater_position, rated_position) DO NOTHING""")
        .bind("id", Ids.newId()).bind("engagement", engagementId).bind("rater", raterPosition)
        .bind("rated", rated.position()).bind("subject", raterSubject)
        .bind("organisation", Parameters.nullable(rated.organisationId(), UUID.class))
        .bind("person", Parameters.nullable(rated.personSubject(), String.class))
        .bind("stars", (short) stars)
        .bind("comment", Parameters.nullable(comment, String.class))
        .bind("now", now)
        .fetch().rowsUpdated().map(rows -> rows == 1);
  }

  /** What a credit profile counts about one organisation or person. */
  record Record(long ratings, long starSum, List<Long> distribution, long engagements, List<Comment> recent) {}

  record Comment(int stars, String comment, String engagementKind, Instant createdAt) {}

  Mono<Record> record(UUID organisationId, String personSubject) {
    var who = organisationId != null ? "rated_organisation_id = :who" : "rated_person_subject = :who";
    var party = organisationId != null ? "organisation_id = :who" : "person_subject = :who";
    Object value = organisationId != null ? organisationId : personSubject;
    var stars = database.sql("SELECT stars, count(*) AS n FROM credit_ratings WHERE " + who + " GROUP BY stars")
        .bind("who", value)
        .map(row -> new long[] {row.get("stars", Short.class), row.get("n", Long.class)})
        .all().collectList();
    var engagements = database.sql("SELECT count(DISTINCT engagement_id) AS n FROM credit_engagement_parties WHERE "
            + party)
        .bind("who", value).map(row -> row.get("n", Long.class)).one();
    var recent = database.sql("""
            SELECT r.stars, r.comment, e.kind, r.created_at FROM credit_ratings r
            JOIN credit_engagements e ON e.id = r.engagement_id
            WHERE r.""" + who + " AND r.comment IS NOT NULL ORDER BY r.created_at DESC LIMIT 5")
        .bind("who", value)
        .map(row -> new Comment(row.get("stars", Short.class), row.get("comment", String.class),
            row.get("kind", String.class), row.get("created_at", Instant.class)))
        .all().collectList();
    return Mono.zip(stars, engagements, recent).map(all -> {
      var distribution = new ArrayList<Long>(List.of(0L, 0L, 0L, 0L, 0L));
      long count = 0;
      long sum = 0;
      for (var row : all.getT1()) {
        distribution.set((int) row[0] - 1, row[1]);
        count += row[1];
        sum += row[0] * row[1];
      }
      return new Record(count, sum, List.copyOf(distribution), all.getT2(), all.getT3());
    });
  }

  private static StoredRating rating(Readable row) {
    return new StoredRating(row.get("rater_position", Integer.class), row.get("rated_position", Integer.class),
        row.get("stars", Short.class), row.get("comment", String.class), row.get("created_at", Instant.class));
  }
}
