package org.pingliang.techmarket.marketplace.deal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Test-only stand-in for the contract feature's {@link ContractDrafting} on the negotiation branch
 * (deleted when the contracts branch is merged). It records every call, so tests can count them,
 * and is idempotent on the negotiation id as the interface promises.
 */
@Component
public class ContractDraftingStandin implements ContractDrafting {

  private final Map<UUID, List<AcceptedOffer>> calls = new ConcurrentHashMap<>();
  private final Map<UUID, UUID> contracts = new ConcurrentHashMap<>();

  @Override
  public Mono<UUID> draft(AcceptedOffer offer) {
    return Mono.fromSupplier(() -> {
      calls.computeIfAbsent(offer.negotiationId(), id -> new CopyOnWriteArrayList<>()).add(offer);
      return contracts.computeIfAbsent(offer.negotiationId(), id -> UUID.randomUUID());
    });
  }

  /** Every offer drafted for this negotiation, in call order. */
  public List<AcceptedOffer> callsFor(UUID negotiationId) {
    return List.copyOf(calls.getOrDefault(negotiationId, List.of()));
  }
}
