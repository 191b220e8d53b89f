package org.pingliang.techmarket.benchmarks;

/**
 * The requests of one complete deal, in order, with who sends each. The two reads are what a client
 * must do between the writes: acceptance answers with the offer, so the contract id is read from the
 * room, and editing the draft needs its version.
 */
enum DealStep {
  INQUIRY("inquiry", "enterprise"),
  OFFER("offer", "university|enterprise"),
  ACCEPTANCE("acceptance", "the other side"),
  ROOM("read room -> contract id", "enterprise"),
  DRAFT("read draft -> version", "university"),
  COMPLETION("registration fields (PUT)", "university"),
  SIGNATURE_REQUEST("signature request", "university"),
  SELLER_SIGNATURE("seller signature", "university"),
  BUYER_SIGNATURE("buyer signature", "enterprise"),
  SUBMISSION("submission", "university"),
  REGISTRATION("registration", "admin");

  final String label;
  final String by;

  DealStep(String label, String by) {
    this.label = label;
    this.by = by;
  }
}
