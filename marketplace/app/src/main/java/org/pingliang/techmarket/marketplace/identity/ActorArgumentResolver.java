package org.pingliang.techmarket.marketplace.identity;

import java.util.EnumSet;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Lets a controller method declare an {@link Actor} parameter: the caller, or {@link Actor#ANONYMOUS}. */
@Component
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Actor.class;
  }

  @Override
  public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
    return ReactiveSecurityContextHolder.getContext()
        .mapNotNull(security -> security.getAuthentication())
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(JwtAuthenticationToken.class::cast)
        .map(ActorArgumentResolver::toActor)
        .cast(Object.class)
        .defaultIfEmpty(Actor.ANONYMOUS);
  }

  static Actor toActor(JwtAuthenticationToken token) {
    var jwt = token.getToken();
    var roles = EnumSet.noneOf(Role.class);
    KeycloakRoles.roles(jwt).map(Role::valueOf).forEach(roles::add);
    return new Actor(jwt.getSubject(), jwt.getClaimAsString("preferred_username"), roles);
  }
}
