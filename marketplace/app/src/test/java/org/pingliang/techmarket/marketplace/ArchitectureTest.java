package org.pingliang.techmarket.marketplace;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

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
}
