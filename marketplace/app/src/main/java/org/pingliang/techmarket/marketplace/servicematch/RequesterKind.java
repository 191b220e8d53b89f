package org.pingliang.techmarket.marketplace.servicematch;

/** Who a service request is for. */
public enum RequesterKind {
  /** 企业: posted by the enterprise's own members. */
  ENTERPRISE,
  /** 村: posted by the bureau on the village's behalf. */
  VILLAGE,
  /** 社区: posted by the bureau on the community's behalf. */
  COMMUNITY
}
