package org.pingliang.techmarket.marketplace.web;

import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;
import org.springframework.http.codec.multipart.MultipartHttpMessageReader;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** Codec limits and the request language (zh-CN first, English on request). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

  private final HttpProperties http;
  // A provider, not a list: Spring Security's own resolver beans need the WebFlux configuration that
  // is being built from this class, so asking for them in the constructor is a circular reference.
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
    // File parts stream to disk past a small buffer; the upload limit caps what a part may use there.
    var parts = new DefaultPartHttpMessageReader();
    parts.setMaxInMemorySize(256 * 1024);
    parts.setMaxDiskUsagePerPart(http.maxUploadSize().toBytes());
    parts.setMaxParts(10);
    configurer.defaultCodecs().multipartReader(new MultipartHttpMessageReader(parts));
  }

  @Bean
  LocaleContextResolver localeContextResolver() {
    var resolver = new AcceptHeaderLocaleContextResolver();
    resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
    resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    return resolver;
  }
}
