package org.pingliang.techmarket.marketplace.organisation.internal;

import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids sort by creation
 * time, so a B-tree index stays compact and keyset pagination follows registration order, yet ids
 * reveal no counter to enumerate.
 */
public final class TimeOrderedIds {

  private static final Random RANDOM = new SecureRandom();

  private TimeOrderedIds() {}

  public static UUID next() {
    return at(System.currentTimeMillis(), RANDOM);
  }

  static UUID at(long epochMillis, Random random) {
    var randA = random.nextInt(1 << 12);
    var most = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
    var least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(most, least);
  }
}
