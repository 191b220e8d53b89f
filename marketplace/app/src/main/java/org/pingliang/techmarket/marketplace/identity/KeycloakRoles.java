package org.pingliang.techmarket.marketplace.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Keycloak puts realm roles in {@code realm_access.roles}; Spring wants {@code ROLE_*} authorities. */
final class KeycloakRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

  @Override
  public Collection<GrantedAuthority> convert(Jwt jwt) {
    return roles(jwt).map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
  }

  /** The realm roles of the token that this platform knows, ignoring Keycloak's defaults. */
  static Stream<String> roles(Jwt jwt) {
    Object realmAccess = jwt.getClaims().get("realm_access");
    if (!(realmAccess instanceof Map<?, ?> access) || !(access.get("roles") instanceof List<?> roles)) {
      return Stream.empty();
    }
    return roles.stream()
        .filter(String.class::isInstance)
        .map(String.class::cast)
        .filter(Role::isKnown);
  }
}
