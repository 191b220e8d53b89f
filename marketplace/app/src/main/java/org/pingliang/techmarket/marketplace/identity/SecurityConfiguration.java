package org.pingliang.techmarket.marketplace.identity;

import java.util.List;
import org.pingliang.techmarket.marketplace.problem.ProblemType;
import org.pingliang.techmarket.marketplace.problem.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.core.convert.converter.Converter;
import reactor.core.publisher.Mono;

/**
 * Who may call what. Every API route has an explicit rule here; anything under {@code /api} that no
 * rule names needs a valid token (and then answers 404), so anonymous callers cannot map the API.
 * Tokens are stateless bearer tokens: no session, no cookies, hence no CSRF token either.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder, ProblemWriter problems,
      List<RouteRules> featureRules) {
    ServerAuthenticationEntryPoint unauthorized = (exchange, error) -> {
      exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge(error));
      return problems.write(exchange, ProblemType.UNAUTHORIZED, List.of(), "problem.unauthorized.detail");
    };
    ServerAccessDeniedHandler forbidden = (exchange, error) ->
        problems.write(exchange, ProblemType.FORBIDDEN, List.of(), "problem.forbidden.detail");

    return http
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.disable())
        // The web app's silent login check loads /silent-check-sso.html in a hidden iframe of the
        // app itself: framing by the same origin only (no other site can frame the app).
        .headers(headers -> headers.frameOptions(frame -> frame.mode(Mode.SAMEORIGIN)))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(routes -> {
          // Operations
          routes.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
              .pathMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole(Role.ADMIN.name(), Role.SERVICE.name())
              .pathMatchers("/actuator/**").denyAll()
              // API documentation
              .pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                  "/webjars/**").permitAll()
              // identity: the caller's own account
              .pathMatchers(HttpMethod.GET, "/api/me").authenticated()
              .pathMatchers(HttpMethod.PUT, "/api/me/preferences").authenticated();
          featureRules.forEach(rules -> rules.authorize(routes));
          // Anything else under /api is not a route: a valid token then gets 404.
          routes.pathMatchers("/api/**").authenticated()
              // The web app's static files.
              .pathMatchers(HttpMethod.GET, "/**").permitAll()
              .anyExchange().denyAll();
        })
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(authentication()))
            .authenticationEntryPoint(unauthorized)
            .accessDeniedHandler(forbidden))
        .exceptionHandling(handling -> handling
            .authenticationEntryPoint(unauthorized)
            .accessDeniedHandler(forbidden))
        .build();
  }

  @Bean
  ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
    return TokenValidation.decoder(properties);
  }

  private static Converter<Jwt, Mono<AbstractAuthenticationToken>> authentication() {
    var converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(new KeycloakRoles());
    converter.setPrincipalClaimName("sub");
    return new ReactiveJwtAuthenticationConverterAdapter(converter);
  }

  /** RFC 6750: tell a client whose token was refused that the token is the problem. */
  private static String challenge(AuthenticationException error) {
    return error instanceof OAuth2AuthenticationException ? "Bearer error=\"invalid_token\"" : "Bearer";
  }
}
