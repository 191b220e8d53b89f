package org.pingliang.techmarket.marketplace.listing.collection;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Maturity;
import org.pingliang.techmarket.marketplace.listing.shared.Parameters;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Packages and their member lists in PostgreSQL. */
@Component
class PackageStore {

  private final DatabaseClient database;

  PackageStore(DatabaseClient database) {
    this.database = database;
  }

  Mono<AchievementPackage> find(UUID id) {
    return database.sql("SELECT * FROM achievement_packages WHERE id = :id").bind("id", id).map(PackageStore::read).one()
        .flatMap(this::withItems);
  }

  Mono<AchievementPackage> lock(UUID id) {
    return database.sql("SELECT * FROM achievement_packages WHERE id = :id FOR UPDATE").bind("id", id)
        .map(PackageStore::read).one()
        .flatMap(this::withItems);
  }

  Flux<AchievementPackage> published(Cursor after, int limit) {
    var sql = "SELECT * FROM achievement_packages WHERE status = 'PUBLISHED'"
        + (after == null ? "" : " AND (published_at, id) < (:time, :id)")
        + " ORDER BY published_at DESC, id DESC LIMIT :limit";
    var spec = database.sql(sql).bind("limit", limit);
    if (after != null) {
      spec = spec.bind("time", after.time()).bind("id", after.id());
    }
    return spec.map(PackageStore::read).all().concatMap(this::withItems);
  }

  /** Which of these achievements are published now: the only ones a package may take. */
  Flux<UUID> publishedAmong(List<UUID> achievementIds) {
    return database.sql("SELECT id FROM achievements WHERE status = 'PUBLISHED' AND id = ANY(:ids)")
        .bind("ids", achievementIds.toArray(UUID[]::new))
        .map(row -> row.get("id", UUID.class)).all();
  }

  Mono<Void> insert(AchievementPackage pkg) {
    return bind(database.sql("""
            INSERT INTO achievement_packages (id, title, theme, industry_tags, region_code, description, status,
              status_reason, curator, published_at, created_at, updated_at, version)
            VALUES (:id, :title, :theme, :industryTags, :regionCode, :description, :status, :statusReason, :curator,
              :publishedAt, :createdAt, :updatedAt, :version)"""), pkg)
        .bind("curator", pkg.curator())
        .bind("createdAt", pkg.createdAt())
        .then()
        .then(replaceItems(pkg));
  }

  Mono<Void> update(AchievementPackage pkg) {
    return bind(database.sql("""
            UPDATE achievement_packages SET title = :title, theme = :theme, industry_tags = :industryTags,
              region_code = :regionCode, description = :description, status = :status, status_reason = :statusReason,
              published_at = :publishedAt, updated_at = :updatedAt, version = :version
            WHERE id = :id AND version = :version - 1"""), pkg)
        .fetch().rowsUpdated()
        .flatMap(rows -> rows == 1 ? replaceItems(pkg)
            : Mono.error(new IllegalStateException("package " + pkg.id() + " changed under a row lock")));
  }

  private Mono<Void> replaceItems(AchievementPackage pkg) {
    var ids = pkg.content().achievementIds();
    var insert = Flux.range(0, ids.size()).concatMap(position -> database.sql(
            "INSERT INTO achievement_package_items (package_id, achievement_id, position) VALUES (:pkg, :achievement, :position)")
        .bind("pkg", pkg.id()).bind("achievement", ids.get(position)).bind("position", position.shortValue())
        .then());
    return database.sql("DELETE FROM achievement_package_items WHERE package_id = :pkg").bind("pkg", pkg.id()).then()
        .thenMany(insert).then();
  }

  private record Member(UUID id, boolean published, AchievementPackage.Item item) {}

  /** Loads the member list; achievements no longer published stay listed but are not shown. */
  private Mono<AchievementPackage> withItems(AchievementPackage pkg) {
    return database.sql("""
            SELECT a.id, a.title, a.status, a.organisation_id, o.name AS organisation_name, a.technology_field, a.maturity
            FROM achievement_package_items i
            JOIN achievements a ON a.id = i.achievement_id
            JOIN organisations o ON o.id = a.organisation_id
            WHERE i.package_id = :pkg ORDER BY i.position""")
        .bind("pkg", pkg.id())
        .map(row -> new Member(row.get("id", UUID.class), "PUBLISHED".equals(row.get("status", String.class)),
            new AchievementPackage.Item(row.get("id", UUID.class), row.get("title", String.class),
                row.get("organisation_id", UUID.class), row.get("organisation_name", String.class),
                TechnologyField.valueOf(row.get("technology_field", String.class)),
                Maturity.valueOf(row.get("maturity", String.class)))))
        .all()
        .collectList()
        .map(members -> {
          var content = pkg.content();
          var ids = members.stream().map(Member::id).toList();
          var shown = members.stream().filter(Member::published).map(Member::item).toList();
          return new AchievementPackage(pkg.id(), new AchievementPackage.Content(content.title(), content.theme(),
              content.industryTags(), content.regionCode(), content.description(), ids), shown, pkg.status(),
              pkg.statusReason(), pkg.curator(), pkg.createdAt(), pkg.updatedAt(), pkg.publishedAt(), pkg.version());
        });
  }

  private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, AchievementPackage pkg) {
    var content = pkg.content();
    return spec
        .bind("id", pkg.id())
        .bind("title", content.title())
        .bind("theme", content.theme())
        .bind("industryTags", content.industryTags().toArray(String[]::new))
        .bind("regionCode", Parameters.nullable(content.regionCode(), String.class))
        .bind("description", content.description())
        .bind("status", pkg.status().name())
        .bind("statusReason", Parameters.nullable(pkg.statusReason(), String.class))
        .bind("publishedAt", Parameters.nullable(pkg.publishedAt(), Instant.class))
        .bind("updatedAt", pkg.updatedAt())
        .bind("version", pkg.version());
  }

  private static AchievementPackage read(Readable row) {
    var content = new AchievementPackage.Content(row.get("title", String.class), row.get("theme", String.class),
        List.of(row.get("industry_tags", String[].class)), row.get("region_code", String.class),
        row.get("description", String.class), List.of());
    return new AchievementPackage(row.get("id", UUID.class), content, List.of(),
        PackageStatus.valueOf(row.get("status", String.class)), row.get("status_reason", String.class),
        row.get("curator", String.class), row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
        row.get("published_at", Instant.class), row.get("version", Long.class));
  }
}
