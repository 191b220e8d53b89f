package org.pingliang.techmarket.marketplace.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The hash chain of a contract's audit log. An entry's hash is SHA-256 over its canonical fields —
 * format tag, contract id, sequence, event, actor, time (UTC, microseconds), payload digest and the
 * previous entry's hash — each written as its UTF-8 length, a colon and its bytes, so no field can
 * bleed into the next. The first entry's previous hash is 64 zeros.
 */
final class AuditChain {

  static final String GENESIS = "0".repeat(64);
  private static final String FORMAT = "contract-audit-v1";

  private AuditChain() {}

  /** One stored entry. */
  record Entry(UUID contractId, int sequence, String event, String actor, Instant occurredAt, String payload,
      String payloadDigest, String previousHash, String hash) {}

  /** What checking a chain found: valid, or the first entry that does not fit and why. */
  record Verification(boolean valid, int entries, String headHash, Integer brokenAtSequence, String reason) {}

  static String sha256(String text) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JVM has SHA-256", impossible);
    }
  }

  static Instant truncate(Instant time) {
    return time.truncatedTo(ChronoUnit.MICROS);
  }

  static String hash(UUID contractId, int sequence, String event, String actor, Instant occurredAt, String payloadDigest,
      String previousHash) {
    var canonical = new StringBuilder();
    for (var field : List.of(FORMAT, contractId.toString(), Integer.toString(sequence), event, actor,
        DateTimeFormatter.ISO_INSTANT.format(truncate(occurredAt)), payloadDigest, previousHash)) {
      canonical.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
    }
    return sha256(canonical.toString());
  }

  /** The next entry after {@code previous} (null for the first). */
  static Entry next(Entry previous, UUID contractId, String event, String actor, Instant occurredAt, String payload) {
    var sequence = previous == null ? 1 : previous.sequence() + 1;
    var previousHash = previous == null ? GENESIS : previous.hash();
    var time = truncate(occurredAt);
    var payloadDigest = sha256(payload);
    return new Entry(contractId, sequence, event, actor, time, payload, payloadDigest, previousHash,
        hash(contractId, sequence, event, actor, time, payloadDigest, previousHash));
  }

  /** Checks every entry in sequence order: numbering, payload digest, link and hash. */
  static Verification verify(List<Entry> entries) {
    var previousHash = GENESIS;
    var expectedSequence = 1;
    for (var entry : entries) {
      String reason = null;
      if (entry.sequence() != expectedSequence) {
        reason = "sequence-gap";
      } else if (!sha256(entry.payload()).equals(entry.payloadDigest())) {
        reason = "payload-digest-mismatch";
      } else if (!entry.previousHash().equals(previousHash)) {
        reason = "previous-hash-mismatch";
      } else if (!hash(entry.contractId(), entry.sequence(), entry.event(), entry.actor(), entry.occurredAt(),
          entry.payloadDigest(), entry.previousHash()).equals(entry.hash())) {
        reason = "hash-mismatch";
      }
      if (reason != null) {
        return new Verification(false, entries.size(), null, expectedSequence, reason);
      }
      previousHash = entry.hash();
      expectedSequence++;
    }
    return new Verification(true, entries.size(), entries.isEmpty() ? null : previousHash, null, null);
  }
}
