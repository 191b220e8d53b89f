package org.pingliang.techmarket.marketplace.instrument;

/** Kinds of large instruments (大型科研仪器), after the national sharing platform's top classes. */
enum InstrumentCategory {
  /** 分析仪器. */
  ANALYTICAL,
  /** 物理性能测试仪器. */
  TESTING,
  /** 工艺试验与加工设备. */
  PROCESSING,
  /** 计算与数据设备. */
  COMPUTING,
  /** 农业与生物仪器. */
  AGRICULTURAL,
  /** 医学科研仪器. */
  MEDICAL,
  /** 其他. */
  OTHER
}
