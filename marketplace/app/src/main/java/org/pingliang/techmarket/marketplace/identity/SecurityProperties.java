package org.pingliang.techmarket.marketplace.identity;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How access tokens are validated ({@code techmarket.security.*}).
 *
 * @param issuerUri the Keycloak realm that must have issued the token ({@code iss})
 * @param jwkSetUri where the realm publishes its signing keys; read lazily, so start-up does not
 *     wait for Keycloak
 * @param audience the audience the token must carry ({@code aud}), added by a Keycloak mapper
 * @param clockSkew tolerance for clock differences on {@code exp}/{@code nbf}; kept small so an
 *     expired token stops working almost at once
 */
@ConfigurationProperties("techmarket.security")
public record SecurityProperties(
    URI issuerUri,
    URI jwkSetUri,
    @DefaultValue("techmarket-api") String audience,
    @DefaultValue("5s") Duration clockSkew) {}
