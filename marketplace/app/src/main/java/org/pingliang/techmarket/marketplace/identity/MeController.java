package org.pingliang.techmarket.marketplace.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in user: who the token says they are, and their own preferences. */
@RestController
@RequestMapping("/api/me")
@Tag(name = "identity", description = "The signed-in user (当前用户)")
@SecurityRequirement(name = "keycloak")
class MeController {

  private final ChangingPreferences preferences;

  MeController(ChangingPreferences preferences) {
    this.preferences = preferences;
  }

  @GetMapping
  @Operation(summary = "Who am I — identity from the token and my preferences. Roles: any signed-in user.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token")})
  Mono<Me> me(@AuthenticationPrincipal Jwt jwt) {
    return preferences.current(jwt.getSubject()).map(stored -> Me.of(jwt, stored));
  }

  @PutMapping("/preferences")
  @Operation(summary = "Change my preferences (language, e-mail notifications). Roles: any signed-in user.",
      responses = {
          @ApiResponse(responseCode = "200"),
          @ApiResponse(responseCode = "400", description = "Malformed JSON, wrong types or unknown fields"),
          @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "409", description = "The preferences changed since `version`"),
          @ApiResponse(responseCode = "413", description = "Body too large"),
          @ApiResponse(responseCode = "415", description = "Body is not JSON"),
          @ApiResponse(responseCode = "422", description = "A field has a value that is not allowed")})
  Mono<Preferences> change(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PreferencesChange change) {
    return preferences.change(jwt.getSubject(), change.version(), change.locale(), change.emailNotifications())
        .map(Preferences::of);
  }

  /** A change of preferences; {@code version} is the one read before (absent for the first change). */
  record PreferencesChange(
      @NotNull @Pattern(regexp = "zh-CN|en") String locale,
      @NotNull Boolean emailNotifications,
      @PositiveOrZero Long version) {}

  record Preferences(String locale, boolean emailNotifications, Long version) {
    static Preferences of(UserPreferences stored) {
      return new Preferences(stored.locale(), stored.emailNotifications(), stored.version());
    }
  }

  record Me(String subject, String username, String name, String email, List<String> roles, Preferences preferences) {
    static Me of(Jwt jwt, UserPreferences stored) {
      return new Me(jwt.getSubject(), jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("name"),
          jwt.getClaimAsString("email"), KeycloakRoles.roles(jwt).sorted().toList(), Preferences.of(stored));
    }
  }
}
