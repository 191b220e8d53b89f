package org.pingliang.techmarket.marketplace.negotiation.internal;

/** Where a room is: open for talks, or agreed (an offer was accepted and a contract draft exists). */
public enum NegotiationStatus {
  /** 洽谈中. */
  OPEN,
  /** 已达成: an offer was accepted; the room is read-only. */
  AGREED
}
