package org.pingliang.techmarket.marketplace.negotiation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The negotiation rules stay plain Java, and only the deal contracts are shared with other features. */
class NegotiationArchitectureTest {

  private static final com.tngtech.archunit.core.domain.JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.pingliang.techmarket.marketplace");

  @Test
  void the_rules_import_no_framework() {
    noClasses().that().resideInAPackage("..negotiation.internal..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "io.r2dbc..",
            "tools.jackson..")
        .check(MAIN);
  }

  @Test
  void other_features_see_nothing_of_negotiation() {
    noClasses().that().resideOutsideOfPackage("..negotiation..")
        .should().dependOnClassesThat().resideInAPackage("..negotiation..")
        .check(MAIN);
  }

  @Test
  void the_adapters_are_package_private() {
    classes().that().resideInAPackage("..marketplace.negotiation").should().notBePublic().check(MAIN);
  }
}
