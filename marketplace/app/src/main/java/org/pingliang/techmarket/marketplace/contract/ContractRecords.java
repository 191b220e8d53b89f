package org.pingliang.techmarket.marketplace.contract;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pingliang.techmarket.marketplace.outbox.Outbox;
import org.pingliang.techmarket.marketplace.outbox.OutboxMessage;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes what every contract change leaves behind, inside its transaction: the audit-log entry
 * (hash-chained) and the outbox event carrying the whole contract at its new version.
 */
@Component
class ContractRecords {

  static final String AGGREGATE = "Contract";
  static final String SIGNATURE = "SIGNATURE";
  static final String TERMINATION = "TERMINATION";

  private final ContractStore store;
  private final AuditLog auditLog;
  private final Outbox outbox;

  ContractRecords(ContractStore store, AuditLog auditLog, Outbox outbox) {
    this.store = store;
    this.auditLog = auditLog;
    this.outbox = outbox;
  }

  /** A contract with its signatures and termination consents, as shown. */
  record Details(Contract contract, java.util.List<ContractStore.Consent> signatures,
      java.util.List<ContractStore.Consent> terminations) {

    ContractView view() {
      return ContractView.of(contract, signatures, terminations);
    }
  }

  Mono<Details> details(Contract contract) {
    return Mono.zip(store.consents(contract.id(), SIGNATURE).collectList(),
            store.consents(contract.id(), TERMINATION).collectList())
        .map(consents -> new Details(contract, consents.getT1(), consents.getT2()));
  }

  /** Records the change that produced {@code contract}: audit entry and event. */
  Mono<Details> recorded(Contract contract, String eventType, String actor, Map<String, ?> details, Instant at) {
    var payload = new LinkedHashMap<String, Object>(details);
    payload.put("status", contract.status().name());
    payload.put("version", contract.version());
    return auditLog.append(contract.id(), eventType, actor, payload, at)
        .then(details(contract))
        .flatMap(shown -> outbox.append(new OutboxMessage(AGGREGATE, contract.id(), contract.version(), eventType,
                shown.view(), at))
            .thenReturn(shown));
  }
}
