package org.pingliang.techmarket.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real access tokens from the dev Keycloak, obtained the way real clients obtain them: a user logs
 * in through the web client's authorization-code + PKCE flow (the login form is filled in as a
 * browser would), and machine clients use client credentials. No token is forged here.
 */
public final class KeycloakTokens {

  /** Password of every local demo user (see infra/README.md). */
  public static final String DEMO_PASSWORD = "demo1234";
  public static final String WEB_CLIENT = "techmarket-web";
  public static final String REDIRECT_URI = "http://localhost:8080/";

  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
  private static final Pattern FORM_ACTION_ANY = Pattern.compile("action=\"([^\"]+)\"");
  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Map<String, Token> cache = new ConcurrentHashMap<>();
  private static final SecureRandom random = new SecureRandom();

  private KeycloakTokens() {}

  private record Token(String value, Instant expiresAt) {}

  /** The access token of a demo user, logged in through authorization code + PKCE. */
  public static String user(String username) {
    return cached("user:" + username, () -> loginWithPkce(username, DEMO_PASSWORD));
  }

  /** A client-credentials token of a confidential client of the techmarket realm. */
  public static String client(String clientId, String secret) {
    return cached("client:" + clientId, () -> post(realmUrl("techmarket") + "/protocol/openid-connect/token",
        Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)));
  }

  /** A fresh client-credentials token, never cached (for tests that watch a token expire). */
  public static String freshClient(String clientId, String secret) {
    try {
      return accessToken(post(realmUrl("techmarket") + "/protocol/openid-connect/token",
          Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)));
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak did not answer for " + clientId, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A genuine Keycloak token issued by another realm (master): right server, wrong issuer. */
  public static String masterRealmAdmin() {
    return cached("master-admin", () -> post(realmUrl("master") + "/protocol/openid-connect/token",
        Map.of("grant_type", "password", "client_id", "admin-cli",
            "username", DevServices.get("TECHMARKET_KEYCLOAK_ADMIN_USER"),
            "password", DevServices.get("TECHMARKET_KEYCLOAK_ADMIN_PASSWORD"))));
  }

  /**
   * A genuine token of our realm for a demo user, but from Keycloak's built-in admin-cli client,
   * which has no audience mapper: right issuer and signature, not meant for our API.
   */
  public static String userWithoutApiAudience(String username) {
    return cached("no-audience:" + username, () -> post(realmUrl("techmarket") + "/protocol/openid-connect/token",
        Map.of("grant_type", "password", "client_id", "admin-cli", "username", username, "password", DEMO_PASSWORD)));
  }

  /** The issuer URI the backend must accept. */
  public static String issuer() {
    return realmUrl(DevServices.get("TECHMARKET_KEYCLOAK_REALM"));
  }

  private static String realmUrl(String realm) {
    return DevServices.get("TECHMARKET_KEYCLOAK_URL") + "/realms/" + realm;
  }

  private interface TokenResponse {
    String fetch() throws IOException, InterruptedException;
  }

  private static String cached(String key, TokenResponse source) {
    var token = cache.get(key);
    if (token == null || token.expiresAt().isBefore(Instant.now().plusSeconds(30))) {
      try {
        var body = source.fetch();
        var expiresIn = EXPIRES_IN.matcher(body);
        var lifetime = expiresIn.find() ? Long.parseLong(expiresIn.group(1)) : 60;
        token = new Token(accessToken(body), Instant.now().plusSeconds(lifetime));
        cache.put(key, token);
      } catch (IOException e) {
        throw new IllegalStateException("Keycloak did not answer for " + key, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return token.value();
  }

  private static String loginWithPkce(String username, String password) throws IOException, InterruptedException {
    // Cookies are carried by hand: Keycloak marks them Secure, and the JDK's cookie store will not
    // send a Secure cookie over http, even to localhost (browsers treat localhost as secure).
    var http = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(TIMEOUT)
        .build();
    var verifier = randomUrlSafe(48);
    var issuer = issuer();
    var authorize = issuer + "/protocol/openid-connect/auth?" + form(Map.of(
        "client_id", WEB_CLIENT, "redirect_uri", REDIRECT_URI, "response_type", "code", "scope", "openid",
        "state", randomUrlSafe(16), "nonce", randomUrlSafe(16),
        "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
    var loginPage = http.send(HttpRequest.newBuilder(URI.create(authorize)).timeout(TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    var action = formAction(loginPage.body());
    var submitted = http.send(HttpRequest.newBuilder(URI.create(action)).timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookies(loginPage))
            .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                "credentialId", ""))))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    var location = submitted.headers().firstValue("Location")
        .orElseThrow(() -> new IllegalStateException("login of " + username + " was not accepted (HTTP "
            + submitted.statusCode() + ")"));
    var code = queryParameter(URI.create(location), "code");
    return post(issuer + "/protocol/openid-connect/token", Map.of(
        "grant_type", "authorization_code", "client_id", WEB_CLIENT, "code", code,
        "redirect_uri", REDIRECT_URI, "code_verifier", verifier));
  }

  static String cookies(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .map(header -> header.split(";", 2)[0].strip())
        .filter(pair -> pair.contains("=") && !pair.endsWith("="))
        .collect(Collectors.joining("; "));
  }

  private static String formAction(String html) {
    var matcher = FORM_ACTION.matcher(html);
    if (!matcher.find()) {
      matcher = FORM_ACTION_ANY.matcher(html);
      if (!matcher.find()) {
        throw new IllegalStateException("no login form in Keycloak's page");
      }
    }
    return matcher.group(1).replace("&amp;", "&");
  }

  private static String post(String url, Map<String, String> fields) throws IOException, InterruptedException {
    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static String accessToken(String tokenResponse) {
    var matcher = ACCESS_TOKEN.matcher(tokenResponse);
    if (!matcher.find()) {
      throw new IllegalStateException("no access_token in " + tokenResponse);
    }
    return matcher.group(1);
  }

  static String queryParameter(URI uri, String name) {
    var query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    for (var pair : query.split("&")) {
      var separator = pair.indexOf('=');
      if (separator > 0 && pair.substring(0, separator).equals(name)) {
        return java.net.URLDecoder.decode(pair.substring(separator + 1), StandardCharsets.UTF_8);
      }
    }
    throw new IllegalStateException("no " + name + " in " + uri);
  }

  static String challenge(String verifier) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomUrlSafe(int bytes) {
    var buffer = new byte[bytes];
    random.nextBytes(buffer);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
  }

  private static String form(Map<String, String> fields) {
    return new LinkedHashMap<>(fields).entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
