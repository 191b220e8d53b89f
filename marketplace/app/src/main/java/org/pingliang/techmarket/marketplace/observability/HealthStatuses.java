package org.pingliang.techmarket.marketplace.observability;

import org.springframework.boot.health.contributor.Status;

/** Statuses beyond Spring's own. */
final class HealthStatuses {

  /** A non-essential dependency is away: the service works with reduced features (HTTP 200). */
  static final Status DEGRADED = new Status("DEGRADED");

  private HealthStatuses() {}
}
