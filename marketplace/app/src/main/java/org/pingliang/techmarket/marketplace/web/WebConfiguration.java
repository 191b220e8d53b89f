package org.pingliang.techmarket.marketplace.web;

import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** Codec limits and the request language (zh-CN first, English on request). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

  private final HttpProperties http;
  // Looked up only when WebFlux asks for resolvers: Spring Security's resolver beans depend on the
  // WebFlux configuration that depends on this configurer, so an eager List is a bean cycle.
  private final ObjectProvider<HandlerMethodArgumentResolver> resolvers;

  WebConfiguration(HttpProperties http, ObjectProvider<HandlerMethodArgumentResolver> resolvers) {
    this.http = http;
    this.resolvers = resolvers;
  }

  @Override
  public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
    resolvers.orderedStream().forEach(configurer::addCustomResolver);
  }

  @Override
  public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
    configurer.defaultCodecs().maxInMemorySize((int) http.maxRequestBody().toBytes());
  }

  @Bean
  LocaleContextResolver localeContextResolver() {
    var resolver = new AcceptHeaderLocaleContextResolver();
    resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
    resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    return resolver;
  }
}
