package org.pingliang.techmarket.marketplace.negotiation.internal;

/** Who speaks in a room: the seller (卖方, supplies the technology), the buyer (买方, pays) or their broker. */
public enum Side {
  SELLER,
  BUYER,
  BROKER;

  /** The party across the table; a broker has none. */
  public Side other() {
    return switch (this) {
      case SELLER -> BUYER;
      case BUYER -> SELLER;
      case BROKER -> throw new IllegalStateException("a broker is not a party");
    };
  }

  public boolean isParty() {
    return this != BROKER;
  }
}
