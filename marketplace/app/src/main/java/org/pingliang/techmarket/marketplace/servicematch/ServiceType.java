package org.pingliang.techmarket.marketplace.servicematch;

/** What kind of help a commissioner offers or a requester asks for. */
public enum ServiceType {
  /** 技术指导. */
  GUIDANCE,
  /** 培训. */
  TRAINING,
  /** 咨询. */
  CONSULTING,
  /** 检测. */
  TESTING,
  /** 示范推广. */
  DEMONSTRATION
}
