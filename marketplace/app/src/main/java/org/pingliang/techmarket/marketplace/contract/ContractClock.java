package org.pingliang.techmarket.marketplace.contract;

import java.time.ZoneId;

/** Dates on contracts (signing day, registration year, statistics month) are China Standard Time. */
final class ContractClock {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private ContractClock() {}
}
