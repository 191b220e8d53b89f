package org.pingliang.techmarket.marketplace.negotiation.internal;

/**
 * Why a room refuses a step that is well-formed but not possible now (409): a stable code, which is
 * also the message key's suffix ({@code negotiation.conflict.<code>}).
 */
public record Refusal(String code) {

  public static final Refusal CLOSED = new Refusal("negotiation-closed");
  public static final Refusal NDA_PENDING = new Refusal("nda-not-acknowledged");
  public static final Refusal OWN_OFFER = new Refusal("own-offer");
  public static final Refusal NOT_YOUR_OFFER = new Refusal("not-your-offer");
  public static final Refusal EXPIRED = new Refusal("offer-expired");

  /** The offer is no longer open: e.g. accepting a superseded or declined offer. */
  public static Refusal notOpen(OfferStatus status) {
    return new Refusal("offer-" + status.name().toLowerCase(java.util.Locale.ROOT));
  }
}
