package org.pingliang.techmarket.marketplace.deal;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Stands in for the payments feature's {@link PaymentHooks} on the contracts branch and records the
 * calls, so contract tests can assert when payments would be told. Deleted when payments is merged.
 */
@Component
public class PaymentHooksStandin implements PaymentHooks {

  /** One recorded call: {@code MILESTONE_ACCEPTED} or {@code CONTRACT_TERMINATED}. */
  public record Call(String kind, UUID contractId, UUID milestoneId) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();

  @Override
  public Mono<Void> milestoneAccepted(UUID contractId, UUID milestoneId) {
    return Mono.fromRunnable(() -> calls.add(new Call("MILESTONE_ACCEPTED", contractId, milestoneId)));
  }

  @Override
  public Mono<Void> contractTerminated(UUID contractId) {
    return Mono.fromRunnable(() -> calls.add(new Call("CONTRACT_TERMINATED", contractId, null)));
  }

  /** The calls made for one contract, in order. */
  public List<Call> callsFor(UUID contractId) {
    return calls.stream().filter(call -> call.contractId().equals(contractId)).toList();
  }
}
