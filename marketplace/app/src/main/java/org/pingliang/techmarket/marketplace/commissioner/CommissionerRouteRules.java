package org.pingliang.techmarket.marketplace.commissioner;

import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Who may call the commissioner routes. The public notice, roster, teams, bases, villages and
 * statistics are public; the bureau's work (review, removal, agreements, evaluation, filings, teams)
 * is ADMIN; applying needs a market role other than ADMIN; the rest needs a signed-in user and the
 * services decide by person and organisation membership (applicant, employer OWNER, served unit).
 */
@Component
class CommissionerRouteRules implements RouteRules {

  @Override
  public void authorize(AuthorizeExchangeSpec routes) {
    routes
        .pathMatchers(HttpMethod.GET, "/api/commissioner-notice", "/api/commissioner-statistics", "/api/commissioners",
            "/api/commissioner-teams", "/api/commissioner-demonstration-bases", "/api/villages").permitAll()
        .pathMatchers(HttpMethod.POST, "/api/commissioner-applications")
            .hasAnyRole("UNIVERSITY", "ENTERPRISE", "BROKER", "COMMISSIONER")
        .pathMatchers(HttpMethod.GET, "/api/commissioner-applications").hasRole("ADMIN")
        .pathMatchers(HttpMethod.POST, "/api/commissioner-applications/*/decision").hasRole("ADMIN")
        .pathMatchers(HttpMethod.GET, "/api/commissioner-applications/mine", "/api/commissioner-applications/consent-requests",
            "/api/commissioner-applications/*").authenticated()
        .pathMatchers(HttpMethod.POST, "/api/commissioner-applications/*/withdrawal",
            "/api/commissioner-applications/*/employer-consent", "/api/commissioner-applications/*/enterprise-consent")
            .authenticated()
        .pathMatchers(HttpMethod.GET, "/api/commissioners/me", "/api/commissioners/*",
            "/api/commissioners/*/appointment-letter.pdf").authenticated()
        .pathMatchers(HttpMethod.POST, "/api/commissioners/*/resignation").authenticated()
        .pathMatchers(HttpMethod.POST, "/api/commissioners/*/removal", "/api/commissioners/*/agreements").hasRole("ADMIN")
        .pathMatchers(HttpMethod.PUT, "/api/commissioners/*/villages").hasRole("ADMIN")
        .pathMatchers(HttpMethod.POST, "/api/commissioner-teams", "/api/commissioner-demonstration-bases").hasRole("ADMIN")
        .pathMatchers(HttpMethod.GET, "/api/commissioner-service-records").authenticated()
        .pathMatchers(HttpMethod.POST, "/api/commissioner-service-records", "/api/commissioner-service-records/*/confirmation")
            .authenticated()
        .pathMatchers(HttpMethod.POST, "/api/commissioner-evaluation-feedback").authenticated()
        .pathMatchers(HttpMethod.GET, "/api/commissioner-evaluation-results").authenticated()
        .pathMatchers(HttpMethod.GET, "/api/commissioner-evaluations").hasRole("ADMIN")
        .pathMatchers(HttpMethod.POST, "/api/commissioner-evaluations").hasRole("ADMIN")
        .pathMatchers(HttpMethod.GET, "/api/commissioner-filings/*", "/api/commissioner-filings/*/summary.csv").hasRole("ADMIN");
  }
}
