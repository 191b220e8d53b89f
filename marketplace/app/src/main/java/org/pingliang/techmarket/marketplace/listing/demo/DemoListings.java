package org.pingliang.techmarket.marketplace.listing.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.identity.Role;
import org.pingliang.techmarket.marketplace.listing.achievement.Achievement;
import org.pingliang.techmarket.marketplace.listing.achievement.AchievementAction;
import org.pingliang.techmarket.marketplace.listing.achievement.ManagingAchievements;
import org.pingliang.techmarket.marketplace.listing.collection.AchievementPackage;
import org.pingliang.techmarket.marketplace.listing.collection.CuratingPackages;
import org.pingliang.techmarket.marketplace.listing.collection.PackageAction;
import org.pingliang.techmarket.marketplace.listing.demand.Demand;
import org.pingliang.techmarket.marketplace.listing.demand.ManagingDemands;
import org.pingliang.techmarket.marketplace.listing.shared.Maturity;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.pingliang.techmarket.marketplace.listing.shared.TransferMode;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo market (profile {@code demo}): achievements, demands and packages around Pingliang's
 * industries, registered through the same services as real users use, so each one has its history
 * and its events. Idempotent: what exists already is left alone.
 */
@Component
@Profile("demo")
class DemoListings {

  private static final Logger log = LoggerFactory.getLogger(DemoListings.class);
  private static final Actor ADMIN = new Actor("0b7e1000-0000-4000-8000-000000000007", "admin", Set.of(Role.ADMIN));

  private final ManagingAchievements achievements;
  private final ManagingDemands demands;
  private final CuratingPackages packages;
  private final Organisations organisations;
  private final DatabaseClient database;
  private final DemoData data;

  DemoListings(ManagingAchievements achievements, ManagingDemands demands, CuratingPackages packages,
      Organisations organisations, DatabaseClient database, JsonMapper json) {
    this.achievements = achievements;
    this.demands = demands;
    this.packages = packages;
    this.organisations = organisations;
    this.database = database;
    try (var in = new ClassPathResource("demo/listings.json").getInputStream()) {
      this.data = json.readValue(in, DemoData.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record DemoData(Map<String, Holder> organisations, List<DemoAchievement> achievements, List<DemoDemand> demands,
      List<DemoPackage> packages) {}

  record Holder(UUID id, String owner, String ownerSubject, Role role) {
    Actor actor() {
      return new Actor(ownerSubject, owner, Set.of(role));
    }
  }

  record DemoAchievement(String externalId, String holder, String title, String summary, String description,
      TechnologyField technologyField, List<String> industryTags, Maturity maturity, Integer trl, List<String> patents,
      List<String> softwareCopyrights, List<String> plantVarieties, List<TransferMode> transferModes,
      Long askingPriceFen, Boolean priceNegotiable, String regionCode) {}

  record DemoDemand(String poster, String title, String problem, String expectedOutcome, Long budgetMinFen,
      Long budgetMaxFen, Boolean negotiable, int deadlineDays, List<TransferMode> cooperationModes,
      List<String> industryTags, TechnologyField technologyField, String regionCode, Long bountyFen) {}

  record DemoPackage(String title, String theme, List<String> industryTags, String regionCode, String description,
      List<String> achievements) {}

  @EventListener(ApplicationReadyEvent.class)
  void load() {
    seed().subscribe(
        ignored -> { },
        error -> log.error("demo listings could not be loaded", error),
        () -> log.info("demo listings ready: {} achievements, {} demands, {} packages", data.achievements().size(),
            data.demands().size(), data.packages().size()));
  }

  Mono<Void> seed() {
    var published = new HashMap<String, UUID>();
    return organisationsReady()
        .thenMany(Flux.fromIterable(data.achievements()).concatMap(item -> achievement(item)
            .doOnNext(id -> published.put(item.externalId(), id))))
        .thenMany(Flux.fromIterable(data.demands()).concatMap(this::demand))
        .thenMany(Flux.defer(() -> Flux.fromIterable(data.packages()).concatMap(item -> pkg(item, published))))
        .then();
  }

  /** The demo organisations are seeded by the organisation feature at the same moment: wait for them. */
  private Mono<Void> organisationsReady() {
    return Flux.fromIterable(data.organisations().values())
        .concatMap(holder -> organisations.find(holder.id())
            .switchIfEmpty(Mono.error(new IllegalStateException("demo organisation " + holder.id() + " not there yet")))
            .retryWhen(Retry.fixedDelay(60, Duration.ofSeconds(1))))
        .then();
  }

  private Mono<UUID> achievement(DemoAchievement item) {
    var holder = data.organisations().get(item.holder());
    return achievements.byExternalId(holder.id(), item.externalId())
        .map(Achievement::id)
        .switchIfEmpty(Mono.defer(() -> achievements.create(holder.actor(), holder.id(), content(item), item.externalId())
            .flatMap(created -> achievements.act(holder.actor(), created.id(), AchievementAction.SUBMIT, null, null))
            .flatMap(submitted -> achievements.act(ADMIN, submitted.id(), AchievementAction.PUBLISH, null, null))
            .map(Achievement::id)));
  }

  private Mono<Void> demand(DemoDemand item) {
    var poster = data.organisations().get(item.poster());
    return exists(database.sql("SELECT 1 FROM demands WHERE organisation_id = :org AND title = :title")
            .bind("org", poster.id()).bind("title", item.title()))
        .flatMap(found -> found ? Mono.empty() : demands.create(poster.actor(), poster.id(), content(item)).then());
  }

  private Mono<Void> pkg(DemoPackage item, Map<String, UUID> published) {
    var content = new AchievementPackage.Content(item.title(), item.theme(), item.industryTags(), item.regionCode(),
        item.description(), item.achievements().stream().map(published::get).toList());
    return exists(database.sql("SELECT 1 FROM achievement_packages WHERE title = :title").bind("title", item.title()))
        .flatMap(found -> found ? Mono.empty() : packages.create(ADMIN, content)
            .flatMap(created -> packages.act(ADMIN, created.id(), PackageAction.PUBLISH, null, null)).then());
  }

  private static Mono<Boolean> exists(DatabaseClient.GenericExecuteSpec query) {
    return query.map(row -> true).first().defaultIfEmpty(false);
  }

  private static Achievement.Content content(DemoAchievement item) {
    var ip = new Achievement.IpRights(
        orEmpty(item.patents()).stream().map(number -> new Achievement.Patent(number, null)).toList(),
        orEmpty(item.softwareCopyrights()), orEmpty(item.plantVarieties()));
    return new Achievement.Content(item.title(), item.summary(), item.description(), item.technologyField(),
        item.industryTags(), item.maturity(), item.trl(), ip, EnumSet.copyOf(item.transferModes()),
        item.askingPriceFen() == null ? null : Money.cny(item.askingPriceFen()), item.askingPriceFen() == null,
        item.regionCode());
  }

  private static Demand.Content content(DemoDemand item) {
    var budget = new Demand.Budget(item.budgetMinFen() == null ? null : Money.cny(item.budgetMinFen()),
        item.budgetMaxFen() == null ? null : Money.cny(item.budgetMaxFen()), Boolean.TRUE.equals(item.negotiable()));
    return new Demand.Content(item.title(), item.problem(), item.expectedOutcome(), budget,
        LocalDate.now().plusDays(item.deadlineDays()), EnumSet.copyOf(item.cooperationModes()), item.industryTags(),
        item.technologyField(), item.regionCode(), item.bountyFen() == null ? null : Money.cny(item.bountyFen()));
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
