package org.pingliang.techmarket.marketplace.identity;

import java.util.Arrays;

/** The realm roles of the platform (see ../shared/DOMAIN.md), plus SERVICE for machine clients. */
public enum Role {
  /** 高校/科研院所. */
  UNIVERSITY,
  /** 企业. */
  ENTERPRISE,
  /** 技术经纪人 / 技术转移机构. */
  BROKER,
  /** 科技特派员. */
  COMMISSIONER,
  /** 市科技局 / 平台运营 / 技术合同登记机构. */
  ADMIN,
  /** Confidential machine clients (service accounts), e.g. metrics scrapers and the indexer. */
  SERVICE;

  static boolean isKnown(String name) {
    return Arrays.stream(values()).anyMatch(role -> role.name().equals(name));
  }
}
