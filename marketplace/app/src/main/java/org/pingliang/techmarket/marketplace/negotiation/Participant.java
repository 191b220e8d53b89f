package org.pingliang.techmarket.marketplace.negotiation;

import org.pingliang.techmarket.marketplace.negotiation.internal.Side;

/**
 * How the caller takes part in a room: the side they are on and whether they may act for it
 * (OWNER and EDITOR of a party's organisation, or the room's broker); a party's MEMBER only reads.
 */
record Participant(Side side, boolean mayAct) {

  boolean isParty() {
    return side.isParty();
  }

  /** Acting for a party: offers, NDA, inviting a broker. */
  boolean mayActForParty() {
    return mayAct && isParty();
  }
}
