package org.pingliang.techmarket.marketplace.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fields of the registration form (技术合同认定登记表) in the registry's order, as label and text.
 * Amounts are printed in yuan with two decimals, computed from fen with integer arithmetic.
 */
final class RegistrationForm {

  private RegistrationForm() {}

  record Field(String label, String value) {}

  static List<Field> of(Contract contract) {
    var terms = contract.terms();
    var d = terms.deductions();
    var r = contract.registration();
    var fields = new ArrayList<Field>();
    fields.add(new Field("登记编号", text(r.number())));
    fields.add(new Field("登记状态", contract.status().chineseName()));
    fields.add(new Field("认定登记规则版本", text(r.ruleSet())));
    fields.add(new Field("项目名称", terms.projectName()));
    fields.add(new Field("合同类型", terms.contractType().chineseName()));
    fields.add(new Field("合同子类", ContractType.subtypeChineseName(terms.contractSubtype())));
    fields.add(new Field("签订日期", text(contract.signingDate())));
    fields.add(new Field("有效期起", text(terms.validFrom())));
    fields.add(new Field("有效期止", text(terms.validUntil())));
    party(fields, "卖方", contract.seller());
    party(fields, "买方", contract.buyer());
    fields.add(new Field("合同总额（元）", yuan(contract.totalFen())));
    fields.add(new Field("技术交易额（元）", yuan(contract.technicalTransactionFen())));
    fields.add(new Field("扣除：设备（元）", yuan(d.equipmentFen())));
    fields.add(new Field("扣除：仪器（元）", yuan(d.instrumentsFen())));
    fields.add(new Field("扣除：零部件（元）", yuan(d.partsFen())));
    fields.add(new Field("扣除：原材料（元）", yuan(d.rawMaterialsFen())));
    fields.add(new Field("载体样品（元，不扣除）", yuan(d.carrierSamplesFen())));
    var transfer = terms.contractType() == ContractType.TECHNOLOGY_TRANSFER;
    fields.add(new Field("预计新增投资（元）", transfer ? yuan(terms.expectedNewInvestmentFen()) : ""));
    fields.add(new Field("预计新增产值（元）", transfer ? yuan(terms.expectedNewOutputFen()) : ""));
    fields.add(new Field("技术领域", terms.technologyField() == null ? "" : terms.technologyField().chineseName()));
    fields.add(new Field("知识产权", terms.ipInvolvement().stream().sorted().map(IpInvolvement::chineseName)
        .collect(Collectors.joining("、"))));
    fields.add(new Field("计划来源", terms.planSource() == null ? "" : terms.planSource().chineseName()));
    fields.add(new Field("未予登记原因", contract.status() == ContractStatus.REJECTED ? text(contract.statusReason()) : ""));
    return fields;
  }

  private static void party(List<Field> fields, String side, Party party) {
    fields.add(new Field(side + "名称", party.name()));
    fields.add(new Field(side + "统一社会信用代码", party.creditCode()));
    fields.add(new Field(side + "国别", party.countryCode()));
    fields.add(new Field(side + "所在地区代码", party.regionCode()));
    fields.add(new Field(side + "法人类型", party.legalTypeChineseName()));
  }

  static String yuan(Long fen) {
    if (fen == null) {
      return "";
    }
    return "%d.%02d".formatted(fen / 100, fen % 100);
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
