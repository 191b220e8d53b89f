package org.pingliang.techmarket.marketplace.organisation;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.organisation.internal.ChangeType;
import org.pingliang.techmarket.marketplace.organisation.internal.FieldChange;
import org.pingliang.techmarket.marketplace.organisation.OrganisationJson.LegalEntity;
import org.pingliang.techmarket.marketplace.organisation.internal.Member;
import org.pingliang.techmarket.marketplace.organisation.internal.RegistrationRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the verified demo organisations of demo/organisations.json and their owners, once: an
 * organisation whose credit code is already there is left as it is, so restarts and edits made in
 * the running demo survive. Invalid demo data fails loudly, through the same value objects as the API.
 */
@Component
@Profile("demo")
class DemoOrganisations {

  private static final Logger log = LoggerFactory.getLogger(DemoOrganisations.class);
  static final String SEEDER = "system:demo-data";

  private final PostgresOrganisations organisations;
  private final PostgresMembers members;
  private final PostgresOrganisationChanges changes;
  private final TransactionalOperator transactions;
  private final JsonMapper json;
  private final Resource data;

  DemoOrganisations(PostgresOrganisations organisations, PostgresMembers members, PostgresOrganisationChanges changes,
      TransactionalOperator transactions, JsonMapper json,
      @Value("classpath:demo/organisations.json") Resource data) {
    this.organisations = organisations;
    this.members = members;
    this.changes = changes;
    this.transactions = transactions;
    this.json = json;
    this.data = data;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seedWhenReady() {
    load().subscribe(
        added -> log.info("demo organisations: {} added, the others were there already", added),
        error -> log.error("demo organisations could not be seeded", error));
  }

  /** Seeds what is missing; emits how many organisations were added. */
  Mono<Long> load() {
    return Mono.fromCallable(this::read)
        .subscribeOn(Schedulers.boundedElastic())
        .flatMapMany(demo -> Flux.fromIterable(demo.organisations()))
        .concatMap(organisation -> seed(organisation).as(transactions::transactional))
        .filter(Boolean::booleanValue)
        .count();
  }

  DemoData read() throws IOException {
    try (var input = data.getInputStream()) {
      return json.readValue(input, DemoData.class);
    }
  }

  private Mono<Boolean> seed(DemoOrganisation demo) {
    var organisation = demo.toOrganisation();
    return organisations.insertIfAbsent(organisation, SEEDER)
        .flatMap(added -> added
            ? changes.record(organisation.id(), organisation.version(), ChangeType.REGISTERED, SEEDER,
                RegistrationRules.asChanges(organisation), null).thenReturn(true)
            : Mono.just(false))
        .flatMap(added -> organisations.findByCreditCode(organisation.creditCode())
            .flatMapMany(stored -> Flux.fromIterable(demo.owners()).concatMap(owner -> addOwner(stored, owner)))
            .then(Mono.just(added)));
  }

  private Mono<Void> addOwner(StoredOrganisation stored, DemoOwner owner) {
    var id = stored.organisation().id();
    return members.addIfAbsent(id, new Member(owner.subject(), MemberRole.OWNER, SEEDER, null))
        .filter(Boolean::booleanValue)
        .flatMap(added -> changes.record(id, stored.organisation().version(), ChangeType.MEMBER_ADDED, SEEDER,
            Map.of("members." + owner.subject(), new FieldChange(null, MemberRole.OWNER.name())), null));
  }

  /** The file's shape. */
  record DemoData(String description, List<DemoOrganisation> organisations) {}

  /** @param key a stable name other features' demo data can use in place of the id */
  record DemoOrganisation(String key, UUID id, String name, OrganisationKind kind, String creditCode,
      String regionCode, LegalEntity legalEntityType, List<DemoOwner> owners) {

    Organisation toOrganisation() {
      return new Organisation(id, name, kind, new UnifiedSocialCreditCode(creditCode), new RegionCode(regionCode),
          new LegalEntityType(legalEntityType.category(), legalEntityType.subtype()), VerificationStatus.VERIFIED, 0);
    }
  }

  /** @param username for people reading the file; the subject is what counts */
  record DemoOwner(String username, String subject) {}
}
