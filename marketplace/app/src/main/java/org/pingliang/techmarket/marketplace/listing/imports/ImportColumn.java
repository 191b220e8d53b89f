package org.pingliang.techmarket.marketplace.listing.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the bulk-import template (成果汇交模板). A header may be written in Chinese or as
 * the API field name; {@code EXTERNAL_ID} (the submitter's own id of the row) makes re-imports idempotent.
 */
enum ImportColumn {
  EXTERNAL_ID("externalId", "外部编号", true),
  TITLE("title", "成果名称", true),
  SUMMARY("summary", "成果简介", true),
  DESCRIPTION("description", "详细介绍", true),
  TECHNOLOGY_FIELD("technologyField", "技术领域", true),
  INDUSTRY_TAGS("industryTags", "行业标签", false),
  MATURITY("maturity", "成熟度", true),
  TRL("trl", "技术就绪度", false),
  PATENTS("patents", "专利申请号", false),
  TRANSFER_MODES("transferModes", "转化方式", true),
  ASKING_PRICE("askingPrice", "价格（元）", true),
  REGION_CODE("regionCode", "行政区划代码", true);

  private final String field;
  private final String chineseHeader;
  private final boolean required;

  ImportColumn(String field, String chineseHeader, boolean required) {
    this.field = field;
    this.chineseHeader = chineseHeader;
    this.required = required;
  }

  String field() {
    return field;
  }

  String chineseHeader() {
    return chineseHeader;
  }

  boolean required() {
    return required;
  }

  static Optional<ImportColumn> ofHeader(String header) {
    var clean = header.strip().replace("(", "（").replace(")", "）");
    return Arrays.stream(values())
        .filter(column -> column.chineseHeader.equals(clean) || column.field.equalsIgnoreCase(clean.toLowerCase(Locale.ROOT))
            || column.name().equalsIgnoreCase(clean))
        .findFirst();
  }
}
