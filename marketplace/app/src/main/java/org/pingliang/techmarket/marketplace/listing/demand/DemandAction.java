package org.pingliang.techmarket.marketplace.listing.demand;

import org.pingliang.techmarket.marketplace.listing.shared.Lifecycle;

/** What can happen to a demand, with the event each action records. */
public enum DemandAction {
  CREATE("DemandOpened"),
  EDIT("DemandUpdated"),
  START_NEGOTIATION("DemandNegotiationStarted"),
  REOPEN("DemandReopened"),
  SOLVE("DemandSolved"),
  CLOSE("DemandClosed");

  static final Lifecycle<DemandStatus, DemandAction> LIFECYCLE = Lifecycle.of(DemandStatus.class, DemandAction.class)
      .move(EDIT, DemandStatus.OPEN, DemandStatus.OPEN)
      .move(START_NEGOTIATION, DemandStatus.IN_NEGOTIATION, DemandStatus.OPEN)
      .move(REOPEN, DemandStatus.OPEN, DemandStatus.IN_NEGOTIATION)
      .move(SOLVE, DemandStatus.SOLVED, DemandStatus.OPEN, DemandStatus.IN_NEGOTIATION)
      .move(CLOSE, DemandStatus.CLOSED, DemandStatus.OPEN, DemandStatus.IN_NEGOTIATION)
      .build();

  private final String eventType;

  DemandAction(String eventType) {
    this.eventType = eventType;
  }

  public String eventType() {
    return eventType;
  }
}
