package org.pingliang.techmarket.marketplace.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  private static final UUID CONTRACT = UUID.fromString("01941f29-7c00-7000-8000-00000000c0de");
  private static final Instant AT = Instant.parse("2026-03-01T08:00:00.123456789Z");

  private static List<AuditChain.Entry> chain(int length) {
    var entries = new ArrayList<AuditChain.Entry>();
    AuditChain.Entry previous = null;
    for (var i = 0; i < length; i++) {
      previous = AuditChain.next(previous, CONTRACT, "Event" + i, "subject-" + i, AT.plusSeconds(i), "{\"n\":" + i + "}");
      entries.add(previous);
    }
    return entries;
  }

  @Test
  void a_fresh_chain_verifies_and_links_each_entry_to_the_one_before() {
    var entries = chain(4);
    assertThat(entries.getFirst().previousHash()).isEqualTo(AuditChain.GENESIS);
    assertThat(entries.get(2).previousHash()).isEqualTo(entries.get(1).hash());
    assertThat(entries.getFirst().occurredAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00.123456Z"));
    var result = AuditChain.verify(entries);
    assertThat(result.valid()).isTrue();
    assertThat(result.headHash()).isEqualTo(entries.getLast().hash()).hasSize(64);
  }

  @Test
  void the_hash_is_sha256_over_length_prefixed_canonical_fields() {
    var expected = AuditChain.sha256("17:contract-audit-v1" + "36:" + CONTRACT + "1:1" + "1:E" + "1:a"
        + "27:2026-03-01T08:00:00.123456Z" + "64:" + AuditChain.sha256("{}") + "64:" + AuditChain.GENESIS);
    assertThat(AuditChain.next(null, CONTRACT, "E", "a", AT, "{}").hash()).isEqualTo(expected);
  }

  @Test
  void any_changed_field_is_found_at_its_entry() {
    var entries = new ArrayList<>(chain(3));
    var e = entries.get(1);
    entries.set(1, new AuditChain.Entry(e.contractId(), e.sequence(), "Forged", e.actor(), e.occurredAt(), e.payload(),
        e.payloadDigest(), e.previousHash(), e.hash()));
    assertThat(AuditChain.verify(entries)).extracting(AuditChain.Verification::valid, AuditChain.Verification::brokenAtSequence,
        AuditChain.Verification::reason).containsExactly(false, 2, "hash-mismatch");

    var payload = new ArrayList<>(chain(3));
    var p = payload.get(2);
    payload.set(2, new AuditChain.Entry(p.contractId(), p.sequence(), p.event(), p.actor(), p.occurredAt(), "{\"n\":9}",
        p.payloadDigest(), p.previousHash(), p.hash()));
    assertThat(AuditChain.verify(payload).reason()).isEqualTo("payload-digest-mismatch");

    var gap = new ArrayList<>(chain(3));
    gap.remove(1);
    assertThat(AuditChain.verify(gap).brokenAtSequence()).isEqualTo(2);
    assertThat(AuditChain.verify(gap).reason()).isEqualTo("sequence-gap");
  }

  @Test
  void a_field_cannot_be_shifted_into_its_neighbour() {
    var a = AuditChain.next(null, CONTRACT, "ab", "c", AT, "{}");
    var b = AuditChain.next(null, CONTRACT, "a", "bc", AT, "{}");
    assertThat(a.hash()).isNotEqualTo(b.hash());
  }
}
