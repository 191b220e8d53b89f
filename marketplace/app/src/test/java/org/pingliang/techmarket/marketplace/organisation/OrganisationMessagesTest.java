package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Both languages say everything, and every reason the rules give has words in them. */
class OrganisationMessagesTest {

  private static final String[] FIELD_CODES = {"required", "not-blank", "size", "invalid-characters", "format",
      "not-allowed", "not-allowed-for-role", "taken", "admin-only", "stale", "mismatch", "already-member",
      "invalid-value", "min", "max", "check-digit", "unknown-province"};
  private static final String[] REASONS = {"kind-not-allowed", "credit-code-taken", "credit-code-admin-only",
      "owner-only", "admin-only", "already-member", "last-owner"};

  @Test
  void chinese_and_english_have_the_same_keys_and_no_empty_text() throws IOException {
    var chinese = load("i18n/organisation.properties");
    var english = load("i18n/organisation_en.properties");
    assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
    chinese.values().forEach(text -> assertThat((String) text).isNotBlank());
    english.values().forEach(text -> assertThat((String) text).isNotBlank());
  }

  @Test
  void every_code_and_reason_has_a_message() throws IOException {
    var chinese = load("i18n/organisation.properties");
    for (var code : FIELD_CODES) {
      assertThat(chinese).containsKey("organisation.field." + code);
    }
    for (var reason : REASONS) {
      assertThat(chinese).containsKey("organisation.problem." + reason + ".detail");
    }
  }

  @Test
  void the_default_language_is_chinese() throws IOException {
    assertThat(load("i18n/organisation.properties").getProperty("organisation.field.check-digit"))
        .isEqualTo("校验位不正确");
  }

  private static Properties load(String resource) throws IOException {
    var properties = new Properties();
    try (var input = OrganisationMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(input).as(resource).isNotNull();
      properties.load(new InputStreamReader(input, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
