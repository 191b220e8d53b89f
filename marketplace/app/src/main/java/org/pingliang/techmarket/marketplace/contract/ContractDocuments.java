package org.pingliang.techmarket.marketplace.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** What a contract's readers may take away: its audit log, the log's verification and the registration form. */
@Service
class ContractDocuments {

  private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(20);

  private final ManagingContracts contracts;
  private final AuditLog auditLog;
  private final RegistrationPdf pdf;

  ContractDocuments(ManagingContracts contracts, AuditLog auditLog, RegistrationPdf pdf) {
    this.contracts = contracts;
    this.auditLog = auditLog;
    this.pdf = pdf;
  }

  /** One audit entry as shown. */
  record AuditEntryView(int sequence, String event, String actor, Instant occurredAt, String payload,
      String payloadDigest, String previousHash, String hash) {}

  /**
   * The chain's check: valid when every entry links to the one before and hashes to what is stored,
   * and there are as many entries as the contract has versions (each change writes exactly one).
   */
  record VerificationView(UUID contractId, boolean valid, int entries, long contractVersion, String headHash,
      Integer brokenAtSequence, String reason, Instant checkedAt) {}

  Mono<List<AuditEntryView>> auditLog(Actor actor, UUID id) {
    return contracts.visibleContract(actor, id).flatMap(contract -> auditLog.entries(id)
        .map(e -> new AuditEntryView(e.sequence(), e.event(), e.actor(), e.occurredAt(), e.payload(), e.payloadDigest(),
            e.previousHash(), e.hash()))
        .collectList());
  }

  Mono<VerificationView> verify(Actor actor, UUID id) {
    return contracts.visibleContract(actor, id).flatMap(contract -> auditLog.entries(id).collectList()
        .map(entries -> verification(id, contract.version(), entries)));
  }

  private static VerificationView verification(UUID id, long version, List<AuditChain.Entry> entries) {
    var chain = AuditChain.verify(entries);
    if (!chain.valid()) {
      return new VerificationView(id, false, entries.size(), version, null, chain.brokenAtSequence(), chain.reason(),
          Instant.now());
    }
    if (entries.size() != version) {
      // Each change writes one entry: fewer entries than versions means some were removed from the end.
      return new VerificationView(id, false, entries.size(), version, null, entries.size() + 1, "entry-count-mismatch",
          Instant.now());
    }
    return new VerificationView(id, true, entries.size(), version, chain.headHash(), null, null, Instant.now());
  }

  Mono<byte[]> csv(Actor actor, UUID id) {
    return contracts.visibleContract(actor, id).map(contract -> RegistrationCsv.of(RegistrationForm.of(contract)));
  }

  Mono<byte[]> pdf(Actor actor, UUID id) {
    return contracts.visibleContract(actor, id)
        .flatMap(contract -> Mono.fromCallable(() -> pdf.render(RegistrationForm.of(contract)))
            .subscribeOn(Schedulers.boundedElastic())
            .timeout(RENDER_TIMEOUT));
  }
}
