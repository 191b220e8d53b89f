package org.pingliang.techmarket.marketplace.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who makes a request: the token's subject and realm roles, or nobody. Controllers take it as a
 * parameter (see {@link ActorArgumentResolver}); domain code decides with it, free of Spring Security.
 *
 * @param subject the Keycloak user id ({@code sub}); {@code null} for an anonymous caller
 * @param username {@code preferred_username}, for display and audit only, never for decisions
 */
public record Actor(String subject, String username, Set<Role> roles) {

  public static final Actor ANONYMOUS = new Actor(null, null, Set.of());

  public Actor {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public boolean isAnonymous() {
    return subject == null;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return has(Role.ADMIN);
  }
}
