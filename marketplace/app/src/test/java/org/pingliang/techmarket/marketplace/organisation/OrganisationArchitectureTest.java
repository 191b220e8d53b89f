package org.pingliang.techmarket.marketplace.organisation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The organisation feature's boundaries: a small public API, and rules free of frameworks. */
class OrganisationArchitectureTest {

  private static final String ROOT = "org.pingliang.techmarket.marketplace.organisation";
  private static final String[] FRAMEWORKS = {"org.springframework..", "reactor..", "io.r2dbc..", "tools.jackson..",
      "io.swagger..", "jakarta.."};
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.pingliang.techmarket.marketplace");

  @Test
  void the_rules_know_no_framework() {
    noClasses().that().resideInAPackage(ROOT + ".internal..")
        .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
        .check(MAIN);
  }

  @Test
  void the_public_value_types_know_no_framework() {
    noClasses().that().resideInAPackage(ROOT).and().arePublic().and().areNotInterfaces()
        .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
        .check(MAIN);
  }

  @Test
  void other_features_use_the_public_api_only() {
    noClasses().that().resideOutsideOfPackage(ROOT + "..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".internal..")
        .check(MAIN);
    classes().that().resideInAPackage(ROOT).and().areAnnotatedWith(org.springframework.stereotype.Component.class)
        .or().areMetaAnnotatedWith(org.springframework.stereotype.Component.class)
        .and().resideInAPackage(ROOT)
        .should().notBePublic()
        .check(MAIN);
  }

  @Test
  void the_public_api_is_exactly_what_other_features_were_promised() {
    var publicTypes = MAIN.stream()
        .filter(type -> type.getPackageName().equals(ROOT))
        .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
        .filter(type -> type.getEnclosingClass().isEmpty())
        .map(JavaClass::getSimpleName)
        .toList();
    assertThat(publicTypes).containsExactlyInAnyOrder("Organisation", "Organisations", "OrganisationKind",
        "MemberRole", "VerificationStatus", "UnifiedSocialCreditCode", "RegionCode", "LegalEntityType");
  }
}
