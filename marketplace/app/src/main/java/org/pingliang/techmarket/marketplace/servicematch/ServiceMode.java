package org.pingliang.techmarket.marketplace.servicematch;

/** How an offer is delivered. */
public enum ServiceMode {
  /** 上门/现场. */
  ON_SITE,
  /** 远程. */
  REMOTE
}
