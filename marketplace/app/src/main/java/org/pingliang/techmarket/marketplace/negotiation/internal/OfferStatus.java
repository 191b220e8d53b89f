package org.pingliang.techmarket.marketplace.negotiation.internal;

/** The life of one offer: open until accepted, declined, withdrawn, superseded by a newer one, or expired. */
public enum OfferStatus {
  OPEN,
  /** A newer offer (a counter-offer or a revision) replaced it. */
  SUPERSEDED,
  ACCEPTED,
  DECLINED,
  WITHDRAWN,
  EXPIRED
}
