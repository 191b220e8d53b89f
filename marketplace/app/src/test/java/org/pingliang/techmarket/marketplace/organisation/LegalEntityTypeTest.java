package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pingliang.techmarket.marketplace.organisation.LegalEntityType.Category;
import org.pingliang.techmarket.marketplace.organisation.LegalEntityType.Subtype;

class LegalEntityTypeTest {

  @ParameterizedTest
  @EnumSource(Subtype.class)
  void a_public_institution_has_a_subtype(Subtype subtype) {
    var type = LegalEntityType.publicInstitution(subtype);
    assertThat(type.category()).isEqualTo(Category.PUBLIC_INSTITUTION);
    assertThat(type.subtype()).isEqualTo(subtype);
  }

  @Test
  void a_public_institution_without_a_subtype_is_refused() {
    assertThat(LegalEntityType.isConsistent(Category.PUBLIC_INSTITUTION, null)).isFalse();
    assertThatThrownBy(() -> LegalEntityType.of(Category.PUBLIC_INSTITUTION))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(value = Category.class, names = "PUBLIC_INSTITUTION", mode = EnumSource.Mode.EXCLUDE)
  void other_legal_forms_have_no_subtype(Category category) {
    assertThat(LegalEntityType.of(category).subtype()).isNull();
    assertThat(LegalEntityType.isConsistent(category, Subtype.OTHER)).isFalse();
    assertThatThrownBy(() -> new LegalEntityType(category, Subtype.HIGHER_EDUCATION))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_category_is_required() {
    assertThatThrownBy(() -> new LegalEntityType(null, null)).isInstanceOf(NullPointerException.class);
  }
}
