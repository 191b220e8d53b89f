package org.pingliang.techmarket.marketplace.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.pingliang.techmarket.marketplace.identity.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document: the API's description and how to get a token for it. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI techmarketOpenApi(SecurityProperties security) {
    var realm = security.issuerUri() + "/protocol/openid-connect";
    var keycloak = new SecurityScheme()
        .type(SecurityScheme.Type.OAUTH2)
        .description("Keycloak realm techmarket; roles UNIVERSITY, ENTERPRISE, BROKER, COMMISSIONER, ADMIN")
        .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
            .authorizationUrl(realm + "/auth")
            .tokenUrl(realm + "/token")));
    return new OpenAPI()
        .info(new Info()
            .title("平凉科技大市场 API · Pingliang Technology Market API")
            .version("v1")
            .description("科技成果、技术需求、技术合同与支付. Errors are RFC 9457 problem+json with types under "
                + "https://techmarket.example/problems/."))
        .components(new Components().addSecuritySchemes("keycloak", keycloak));
  }
}
