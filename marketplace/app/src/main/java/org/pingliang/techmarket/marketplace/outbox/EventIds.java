package org.pingliang.techmarket.marketplace.outbox;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered event ids (UUID version 7, RFC 9562), as the conventions prefer; the JDK has none. */
final class EventIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private EventIds() {}

  static UUID next() {
    return at(System.currentTimeMillis());
  }

  static UUID at(long epochMillis) {
    long timeAndVersion = (epochMillis << 16) | 0x7000L | RANDOM.nextInt(1 << 12);
    long variantAndRandom = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(timeAndVersion, variantAndRandom);
  }
}
