package org.pingliang.techmarket.marketplace;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStreamOperations;

/** Module boundaries of ../shared/STYLE.md, checked on every build. */
class ArchitectureTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.pingliang.techmarket.marketplace");

  @Test
  void marketplace_never_talks_to_elasticsearch_directly() {
    noClasses().should().dependOnClassesThat().resideInAPackage("co.elastic..").check(MAIN);
  }

  @Test
  void only_the_payment_adapter_imports_stripe() {
    noClasses().that().resideOutsideOfPackage("..payment..")
        .should().dependOnClassesThat().resideInAPackage("com.stripe..").allowEmptyShould(true).check(MAIN);
  }

  @Test
  void the_problem_model_does_not_depend_on_features() {
    noClasses().that().resideInAPackage("..marketplace.problem..")
        .should().dependOnClassesThat().resideInAPackage("..marketplace.identity..").check(MAIN);
  }

  @Test
  void nothing_blocks_the_event_loop() {
    noClasses().should().callMethod(reactor.core.publisher.Mono.class, "block")
        .orShould().callMethod(reactor.core.publisher.Flux.class, "blockFirst")
        .orShould().callMethod(reactor.core.publisher.Flux.class, "blockLast")
        .check(MAIN);
  }

  @Test
  void events_reach_redis_streams_only_through_the_outbox() {
    noClasses().that().resideOutsideOfPackage("..marketplace.outbox..")
        .should().callMethodWhere(target(name("add")).and(target(owner(assignableTo(ReactiveStreamOperations.class)))))
        .because("an event written straight to a stream is lost or wrong when its transaction fails; use Outbox")
        .check(MAIN);
  }
}
