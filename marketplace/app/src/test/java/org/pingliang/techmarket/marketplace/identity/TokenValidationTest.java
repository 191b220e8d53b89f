package org.pingliang.techmarket.marketplace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.test.StepVerifier;

/**
 * The validation rules one by one, with a key of our own so each rule can be broken alone. The
 * integration tests do the same against real Keycloak tokens.
 */
class TokenValidationTest {

  private static final String ISSUER = "http://localhost:8180/realms/techmarket";
  private static final KeyPair KEYS = rsa();
  private static final SecurityProperties PROPERTIES = new SecurityProperties(URI.create(ISSUER),
      URI.create(ISSUER + "/protocol/openid-connect/certs"), "techmarket-api", Duration.ofSeconds(5));

  private final ReactiveJwtDecoder decoder = decoder();

  @Test
  void a_token_for_our_api_from_our_realm_passes() {
    StepVerifier.create(decoder.decode(token(ISSUER, List.of("techmarket-api"), Instant.now().plusSeconds(60))))
        .assertNext(jwt -> assertThat(jwt.getSubject()).isEqualTo("user-1"))
        .verifyComplete();
  }

  @Test
  void another_issuer_fails() {
    StepVerifier.create(decoder.decode(token("http://evil.example/realms/techmarket", List.of("techmarket-api"),
        Instant.now().plusSeconds(60)))).expectError().verify();
  }

  @Test
  void a_token_for_another_audience_fails() {
    StepVerifier.create(decoder.decode(token(ISSUER, List.of("account"), Instant.now().plusSeconds(60))))
        .expectError().verify();
  }

  @Test
  void a_token_expired_within_the_skew_still_passes_and_beyond_it_fails() {
    StepVerifier.create(decoder.decode(token(ISSUER, List.of("techmarket-api"), Instant.now().minusSeconds(2))))
        .expectNextCount(1).verifyComplete();
    StepVerifier.create(decoder.decode(token(ISSUER, List.of("techmarket-api"), Instant.now().minusSeconds(10))))
        .expectError().verify();
  }

  @Test
  void realm_roles_become_authorities_and_unknown_roles_are_dropped() {
    var jwt = decoder.decode(token(ISSUER, List.of("techmarket-api"), Instant.now().plusSeconds(60)));
    StepVerifier.create(jwt)
        .assertNext(decoded -> assertThat(new KeycloakRoles().convert(decoded))
            .extracting(Object::toString).containsExactly("ROLE_BROKER"))
        .verifyComplete();
  }

  private static ReactiveJwtDecoder decoder() {
    var decoder = NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
    decoder.setJwtValidator(TokenValidation.validator(PROPERTIES));
    return decoder;
  }

  private static String token(String issuer, List<String> audience, Instant expiresAt) {
    try {
      var claims = new JWTClaimsSet.Builder()
          .issuer(issuer).subject("user-1").audience(audience)
          .issueTime(Date.from(expiresAt.minusSeconds(300))).expirationTime(Date.from(expiresAt))
          .claim("realm_access", Map.of("roles", List.of("BROKER", "offline_access", "default-roles-techmarket")))
          .build();
      var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
      jwt.sign(new RSASSASigner(KEYS.getPrivate()));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
