package org.pingliang.techmarket.marketplace.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;

/**
 * The registration fields the parties edit while the contract is a draft. Fields that may still be
 * missing in a draft are nullable; {@link #missingForSignature} names what must be there before the
 * contract goes out for signature.
 *
 * @param expectedNewInvestmentFen for 技术转让 only: the buyer's expected new investment (预计新增投资)
 * @param expectedNewOutputFen for 技术转让 only: the expected new output value (预计新增产值)
 */
public record Terms(
    ContractType contractType,
    String contractSubtype,
    String projectName,
    Deductions deductions,
    Long expectedNewInvestmentFen,
    Long expectedNewOutputFen,
    TechnologyField technologyField,
    Set<IpInvolvement> ipInvolvement,
    PlanSource planSource,
    LocalDate validFrom,
    LocalDate validUntil) {

  public Terms {
    ipInvolvement = Set.copyOf(ipInvolvement);
  }

  /** One broken rule: the JSON field and a stable code. */
  public record Violation(String field, String code) {}

  /** What is wrong with these terms for a contract of {@code totalFen}; empty when nothing. */
  public List<Violation> violations(long totalFen) {
    var found = new ArrayList<Violation>();
    if (contractType == null) {
      found.add(new Violation("contractType", "required"));
    } else if (!contractType.allows(contractSubtype)) {
      found.add(new Violation("contractSubtype", "subtype-mismatch"));
    }
    if (projectName == null || projectName.isBlank()) {
      found.add(new Violation("projectName", "not-blank"));
    } else if (projectName.length() > 200) {
      found.add(new Violation("projectName", "size"));
    }
    if (deductions.anyNegative()) {
      found.add(new Violation("deductions", "positive-or-zero"));
    } else if (!deductions.fit(totalFen)) {
      found.add(new Violation("deductions", "deductions-above-total"));
    }
    var transfer = contractType == ContractType.TECHNOLOGY_TRANSFER;
    checkTransferAmount(found, "expectedNewInvestment", expectedNewInvestmentFen, transfer);
    checkTransferAmount(found, "expectedNewOutputValue", expectedNewOutputFen, transfer);
    if (ipInvolvement.contains(IpInvolvement.NONE) && ipInvolvement.size() > 1) {
      found.add(new Violation("ipInvolvement", "none-with-others"));
    }
    if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
      found.add(new Violation("validUntil", "before-valid-from"));
    }
    return found;
  }

  private static void checkTransferAmount(List<Violation> found, String field, Long fen, boolean transfer) {
    if (fen == null) {
      return;
    }
    if (!transfer) {
      found.add(new Violation(field, "transfer-only"));
    } else if (fen < 0) {
      found.add(new Violation(field, "positive-or-zero"));
    }
  }

  /** The fields registration needs that are still empty. */
  public List<Violation> missingForSignature() {
    var missing = new ArrayList<Violation>();
    if (technologyField == null) {
      missing.add(new Violation("technologyField", "required"));
    }
    if (ipInvolvement.isEmpty()) {
      missing.add(new Violation("ipInvolvement", "required"));
    }
    if (planSource == null) {
      missing.add(new Violation("planSource", "required"));
    }
    if (validFrom == null) {
      missing.add(new Violation("validFrom", "required"));
    }
    if (validUntil == null) {
      missing.add(new Violation("validUntil", "required"));
    }
    if (contractType == ContractType.TECHNOLOGY_TRANSFER) {
      if (expectedNewInvestmentFen == null) {
        missing.add(new Violation("expectedNewInvestment", "required"));
      }
      if (expectedNewOutputFen == null) {
        missing.add(new Violation("expectedNewOutputValue", "required"));
      }
    }
    return missing;
  }
}
