package org.pingliang.techmarket.marketplace.deal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * TEST-ONLY stand-in for the contract feature's {@link ContractLedger}, so payments can be tested
 * before contracts exist on this branch. Delete it when the real ledger is merged; only
 * payment/PaymentTestContracts fills it.
 */
@Component
public class ContractLedgerStandin implements ContractLedger {

  private final Map<UUID, PayableContract> contracts = new ConcurrentHashMap<>();

  public void put(PayableContract contract) {
    contracts.put(contract.contractId(), contract);
  }

  @Override
  public Mono<PayableContract> find(UUID contractId) {
    return Mono.justOrEmpty(contracts.get(contractId));
  }
}
