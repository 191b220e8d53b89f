package org.pingliang.techmarket.marketplace.contract;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's append-only audit log (审计日志) in PostgreSQL. Appends run inside the change's
 * transaction, after the contract row is locked, so entries of one contract are numbered without
 * gaps; the table's trigger refuses UPDATE and DELETE.
 */
@Component
class AuditLog {

  private final DatabaseClient database;
  private final JsonMapper json;

  AuditLog(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  /** Appends one event; the payload is written as JSON with sorted keys, the form its digest covers. */
  Mono<AuditChain.Entry> append(UUID contractId, String event, String actor, Map<String, ?> payload, Instant at) {
    var canonical = json.writeValueAsString(new TreeMap<>(payload));
    return last(contractId)
        .map(previous -> AuditChain.next(previous, contractId, event, actor, at, canonical))
        .switchIfEmpty(Mono.fromSupplier(() -> AuditChain.next(null, contractId, event, actor, at, canonical)))
        .flatMap(entry -> database.sql("""
                INSERT INTO contract_audit_log (contract_id, sequence, event, actor, occurred_at, payload, payload_digest,
                  previous_hash, hash)
                VALUES (:contractId, :sequence, :event, :actor, :occurredAt, :payload, :payloadDigest, :previousHash,
                  :hash)""")
            .bind("contractId", contractId)
            .bind("sequence", entry.sequence())
            .bind("event", entry.event())
            .bind("actor", entry.actor())
            .bind("occurredAt", entry.occurredAt())
            .bind("payload", entry.payload())
            .bind("payloadDigest", entry.payloadDigest())
            .bind("previousHash", entry.previousHash())
            .bind("hash", entry.hash())
            .then()
            .thenReturn(entry));
  }

  Flux<AuditChain.Entry> entries(UUID contractId) {
    return database.sql("SELECT * FROM contract_audit_log WHERE contract_id = :id ORDER BY sequence")
        .bind("id", contractId).map(AuditLog::read).all();
  }

  private Mono<AuditChain.Entry> last(UUID contractId) {
    return database.sql("SELECT * FROM contract_audit_log WHERE contract_id = :id ORDER BY sequence DESC LIMIT 1")
        .bind("id", contractId).map(AuditLog::read).one();
  }

  private static AuditChain.Entry read(Readable row) {
    return new AuditChain.Entry(row.get("contract_id", UUID.class), row.get("sequence", Integer.class),
        row.get("event", String.class), row.get("actor", String.class), row.get("occurred_at", Instant.class),
        row.get("payload", String.class), row.get("payload_digest", String.class),
        row.get("previous_hash", String.class), row.get("hash", String.class));
  }
}
