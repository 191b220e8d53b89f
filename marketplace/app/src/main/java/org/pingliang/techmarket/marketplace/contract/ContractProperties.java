package org.pingliang.techmarket.marketplace.contract;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Technology contracts ({@code techmarket.contracts.*}).
 *
 * @param yearlyTargetFen the city's yearly technology-contract turnover target (技术合同年交易额), in fen:
 *     15亿元 = 150,000,000,000 fen (平政办发〔2017〕66号)
 * @param statisticsCacheTtl how long aggregate statistics are served from Redis; a registration
 *     clears them at once
 * @param pdfFont a TrueType/OpenType font file (a .ttc needs {@code ",0"}) to embed in registration
 *     forms, e.g. /usr/share/fonts/truetype/wqy/wqy-microhei.ttc; empty means the Adobe built-in
 *     STSong-Light (not embedded; every PDF reader with Chinese support has it)
 */
@ConfigurationProperties("techmarket.contracts")
record ContractProperties(
    @DefaultValue("150000000000") long yearlyTargetFen,
    @DefaultValue("60s") Duration statisticsCacheTtl,
    @DefaultValue("") String pdfFont) {

  ContractProperties {
    if (yearlyTargetFen < 1) {
      throw new IllegalArgumentException("techmarket.contracts.yearly-target-fen must be positive");
    }
    if (statisticsCacheTtl == null || statisticsCacheTtl.isNegative()) {
      throw new IllegalArgumentException("techmarket.contracts.statistics-cache-ttl must not be negative");
    }
  }
}
