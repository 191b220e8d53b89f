package org.pingliang.techmarket.marketplace.deal;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** Turns an accepted offer into a technology contract draft (合同草稿). Owned by the contract feature. */
public interface ContractDrafting {

  /**
   * Creates the draft inside the caller's transaction and returns its id. Idempotent on {@link
   * AcceptedOffer#negotiationId()}: a second call for the same negotiation returns the first
   * contract's id and creates nothing, so crossing accepts produce exactly one contract.
   */
  Mono<UUID> draft(AcceptedOffer offer);
}
