package org.pingliang.techmarket.marketplace.listing.shared;

/** How far an achievement is from the market (成熟度). TRL 1–9 (GB/T 22900) may be given beside it. */
public enum Maturity {
  /** 实验室. */
  LABORATORY,
  /** 小试. */
  BENCH_SCALE,
  /** 中试. */
  PILOT_SCALE,
  /** 可量产. */
  READY_FOR_PRODUCTION,
  /** 已产业化. */
  INDUSTRIALISED
}
