package org.pingliang.techmarket.marketplace.webapp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.pingliang.techmarket.marketplace.identity.SecurityProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the web app where to log in: the Keycloak base URL, realm and public client. Derived from the
 * issuer the API already trusts, so the browser and the API can never disagree about the realm.
 */
@RestController
@Tag(name = "web app", description = "What the browser app needs before it can start")
class WebAppConfigController {

  private static final String REALMS = "/realms/";

  private final WebAppConfig config;

  WebAppConfigController(SecurityProperties security,
      @Value("${techmarket.web.client-id:techmarket-web}") String clientId) {
    this.config = WebAppConfig.of(security.issuerUri().toString(), clientId);
  }

  @GetMapping("/api/web-config")
  @Operation(summary = "Where the web app logs in (Keycloak URL, realm, public client id). Public.",
      responses = @ApiResponse(responseCode = "200"))
  ResponseEntity<WebAppConfig> config() {
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(config);
  }

  /** The login settings of the web app. */
  record WebAppConfig(Keycloak keycloak) {

    record Keycloak(String url, String realm, String clientId) {}

    static WebAppConfig of(String issuer, String clientId) {
      var at = issuer.lastIndexOf(REALMS);
      if (at < 0) {
        throw new IllegalStateException("techmarket.security.issuer-uri is not a Keycloak realm URL: " + issuer);
      }
      var realm = issuer.substring(at + REALMS.length()).replaceAll("/+$", "");
      return new WebAppConfig(new Keycloak(issuer.substring(0, at), realm, clientId));
    }
  }
}
