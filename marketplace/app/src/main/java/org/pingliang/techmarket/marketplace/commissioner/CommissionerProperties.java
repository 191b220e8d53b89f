package org.pingliang.techmarket.marketplace.commissioner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * S&T commissioners ({@code techmarket.commissioners.*}).
 *
 * @param excellentQuotaPercent the share of 优秀 in one year's evaluation of one managing region, in whole
 *     percent (see {@link ExcellenceQuota} for the rounding)
 * @param pdfFont a TrueType font file to embed in appointment letters; empty: Adobe's built-in STSong-Light
 * @param targetTotal the city's target of commissioners in total (≥ 1200)
 * @param targetNewPerYear new commissioners a year (≥ 50)
 * @param targetTeams teams (≥ 50)
 * @param targetDemonstrationBases demonstration bases (≥ 20)
 */
@ConfigurationProperties("techmarket.commissioners")
record CommissionerProperties(
    @DefaultValue("30") int excellentQuotaPercent,
    @DefaultValue("") String pdfFont,
    @DefaultValue("1200") int targetTotal,
    @DefaultValue("50") int targetNewPerYear,
    @DefaultValue("50") int targetTeams,
    @DefaultValue("20") int targetDemonstrationBases) {

  CommissionerProperties {
    if (excellentQuotaPercent < 0 || excellentQuotaPercent > 100) {
      throw new IllegalArgumentException("techmarket.commissioners.excellent-quota-percent must be within 0..100");
    }
  }
}
