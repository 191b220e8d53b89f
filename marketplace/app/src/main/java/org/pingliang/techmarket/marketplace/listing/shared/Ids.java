package org.pingliang.techmarket.marketplace.listing.shared;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (version 7, RFC 9562): sortable by creation, friendly to B-tree indexes. */
public final class Ids {

  private static final SecureRandom random = new SecureRandom();

  private Ids() {}

  public static UUID newId() {
    var millis = System.currentTimeMillis();
    var high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
    var low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
