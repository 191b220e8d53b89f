package org.pingliang.techmarket.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevServicesTest {

  @Test
  void the_env_file_is_read_without_comments_or_blank_lines() {
    var parsed = DevServices.parseEnvFile(List.of("# written by dev-services", "", "TECHMARKET_REDIS_PORT=6380",
        "TECHMARKET_KEYCLOAK_URL=http://localhost:8180"));

    assertThat(parsed).containsExactly(Map.entry("TECHMARKET_REDIS_PORT", "6380"),
        Map.entry("TECHMARKET_KEYCLOAK_URL", "http://localhost:8180"));
  }

  @Test
  void tests_are_pointed_at_the_test_database_and_never_the_demo_one() {
    var coordinates = DevServices.forTests(Map.of("TECHMARKET_POSTGRES_DB", "techmarket",
        "TECHMARKET_POSTGRES_TEST_DB", "techmarket_test", "PATH", "/usr/bin"));

    assertThat(coordinates)
        .containsEntry("TECHMARKET_POSTGRES_DB", "techmarket_test")
        .containsEntry("TECHMARKET_REDIS_DATABASE", "1")
        .doesNotContainKey("PATH");
  }

  @Test
  void the_pkce_challenge_is_the_rfc_7636_example() {
    assertThat(KeycloakTokens.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void the_code_is_read_from_the_redirect() {
    var redirect = URI.create("http://localhost:8080/?state=s&session_state=x&code=a%2Eb.c");

    assertThat(KeycloakTokens.queryParameter(redirect, "code")).isEqualTo("a.b.c");
  }
}
