package org.pingliang.techmarket.marketplace;

import java.time.Clock;
import java.time.Duration;
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

  /** Ticks in microseconds, PostgreSQL's precision, so what a change returns equals what is stored. */
  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}
