package org.pingliang.techmarket.marketplace.identity;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The rules a bearer token must pass: signed with RS256 by a key of the realm's JWK set (so
 * {@code alg=none} and HMAC tricks fail), issued by our realm, meant for our API, and not expired
 * beyond a small clock skew.
 */
final class TokenValidation {

  private TokenValidation() {}

  static ReactiveJwtDecoder decoder(SecurityProperties properties) {
    var decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
        .jwsAlgorithm(SignatureAlgorithm.RS256)
        .build();
    decoder.setJwtValidator(validator(properties));
    return decoder;
  }

  static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
    return new DelegatingOAuth2TokenValidator<>(List.of(
        new JwtTimestampValidator(properties.clockSkew()),
        new JwtIssuerValidator(properties.issuerUri().toString()),
        audience(properties.audience())));
  }

  private static OAuth2TokenValidator<Jwt> audience(String audience) {
    var missing = new OAuth2Error("invalid_token", "The token is not meant for this API", null);
    return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
        ? OAuth2TokenValidatorResult.success()
        : OAuth2TokenValidatorResult.failure(missing);
  }
}
