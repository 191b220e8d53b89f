package org.pingliang.techmarket.marketplace.contract;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.deal.AcceptedOffer;
import org.pingliang.techmarket.marketplace.deal.ContractDrafting;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.organisation.DemoOrganisationsFixture;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Accepted offers between demo organisations (negotiation is another branch), and the registration
 * fields that complete a draft. Each offer has a fresh negotiation id.
 */
public final class ContractTestData {

  /** 平凉泾河职业技术学院 (崆峒区 620802), owner: university. */
  public static final UUID COLLEGE = UUID.fromString("01941f29-7c00-7000-8000-000000000001");
  /** 静宁县陇红苹果产业有限公司 (静宁县 620826), owner: enterprise. */
  public static final UUID APPLE_ENTERPRISE = UUID.fromString("01941f29-7c00-7000-8000-000000000004");
  /** 平凉市陇东农业科学研究院 (620800), owner: university2. */
  public static final UUID AGRI_INSTITUTE = UUID.fromString("01941f29-7c00-7000-8000-000000000003");
  /** 平凉陇原技术转移服务有限公司, owner: broker. */
  public static final UUID BROKER_AGENCY = UUID.fromString("01941f29-7c00-7000-8000-000000000009");
  public static final String UNIVERSITY2_SUBJECT = "0b7e1000-0000-4000-8000-000000000002";
  public static final String ENTERPRISE_SUBJECT = "0b7e1000-0000-4000-8000-000000000003";
  public static final String BROKER_SUBJECT = "0b7e1000-0000-4000-8000-000000000005";

  private static volatile boolean demoLoaded;

  private ContractTestData() {}

  /** Seeds the demo organisations once per JVM (the load is idempotent). */
  public static void demoOrganisations(ApplicationContext context) {
    if (!demoLoaded) {
      DemoOrganisationsFixture.load(context).block(Duration.ofSeconds(30));
      demoLoaded = true;
    }
  }

  /** A 技术转让/专利权 offer of {@code totalFen} in two milestones (40 % and 60 %), with the demo broker at 5 %. */
  public static AcceptedOffer offer(UUID seller, UUID buyer, long totalFen) {
    var first = totalFen * 2 / 5;
    return offer(seller, buyer, "TECHNOLOGY_TRANSFER", "PATENT_RIGHT", List.of(first, totalFen - first));
  }

  public static AcceptedOffer offer(UUID seller, UUID buyer, String type, String subtype, List<Long> milestoneFen) {
    var milestones = new ArrayList<AcceptedOffer.Milestone>();
    for (var i = 0; i < milestoneFen.size(); i++) {
      milestones.add(new AcceptedOffer.Milestone(i + 1, "第" + (i + 1) + "期：交付与验收", Money.cny(milestoneFen.get(i)),
          LocalDate.now().plusMonths(i + 1)));
    }
    var total = milestoneFen.stream().mapToLong(Long::longValue).sum();
    return new AcceptedOffer(UUID.randomUUID(), UUID.randomUUID(), "ACHIEVEMENT", UUID.randomUUID(),
        "马铃薯脱毒种薯快繁技术转让", seller, buyer,
        new AcceptedOffer.BrokerTerms(BROKER_AGENCY, BROKER_SUBJECT, 500), type, subtype, Money.cny(total), milestones,
        "转让\"一种脱毒种薯雾培装置\"专利权并提供技术指导", 12, ENTERPRISE_SUBJECT, Instant.now());
  }

  /** Drafts the contract the way negotiation will: through ContractDrafting in a transaction. */
  public static UUID draft(ApplicationContext context, AcceptedOffer offer) {
    demoOrganisations(context);
    var drafting = context.getBean(ContractDrafting.class);
    var transaction = context.getBean(TransactionalOperator.class);
    return drafting.draft(offer).as(transaction::transactional).block(Duration.ofSeconds(30));
  }

  /** A complete set of registration fields for a technology-transfer contract; tests change one to break one rule. */
  public static Map<String, Object> completeForm(long version, long equipmentFen, long materialsFen) {
    var form = new HashMap<String, Object>();
    form.put("version", version);
    form.put("contractType", "TECHNOLOGY_TRANSFER");
    form.put("contractSubtype", "PATENT_RIGHT");
    form.put("projectName", "马铃薯脱毒种薯快繁技术转让");
    form.put("deductions", Map.of("equipment", fen(equipmentFen), "rawMaterials", fen(materialsFen),
        "carrierSamples", fen(10_000)));
    form.put("expectedNewInvestment", fen(200_000_000));
    form.put("expectedNewOutputValue", fen(1_000_000_000));
    form.put("technologyField", "AGRICULTURE");
    form.put("ipInvolvement", List.of("PATENT"));
    form.put("planSource", "CITY_COUNTY");
    form.put("validFrom", LocalDate.now().toString());
    form.put("validUntil", LocalDate.now().plusYears(1).toString());
    return form;
  }

  public static Map<String, Object> fen(long amount) {
    return Map.of("amountFen", amount, "currency", "CNY");
  }
}
