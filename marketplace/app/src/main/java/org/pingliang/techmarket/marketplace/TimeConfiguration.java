package org.pingliang.techmarket.marketplace;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Time: one clock for the whole app, so tests and rules agree on "now" (stored times are UTC), and
 * scheduled housekeeping such as resuming interrupted imports.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TimeConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
