package org.pingliang.techmarket.marketplace.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.pingliang.techmarket.marketplace.listing.shared.MoneyForm;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;

/**
 * The registration fields of a draft as the parties send them (PUT replaces them all). Absent
 * deductions are zero; absent milestones keep the agreed schedule.
 */
record ContractForm(
    Long version,
    @NotNull ContractType contractType,
    @Size(max = 40) String contractSubtype,
    @NotBlank @Size(max = 200) String projectName,
    @Valid DeductionsForm deductions,
    @Valid MoneyForm expectedNewInvestment,
    @Valid MoneyForm expectedNewOutputValue,
    TechnologyField technologyField,
    @Size(max = 8) List<@NotNull IpInvolvement> ipInvolvement,
    PlanSource planSource,
    LocalDate validFrom,
    LocalDate validUntil,
    @Size(min = 1, max = 50) List<@NotNull @Valid MilestoneForm> milestones) {

  /** 设备, 仪器, 零部件, 原材料 (deducted) and 载体样品 (recorded, not deducted). */
  record DeductionsForm(@Valid MoneyForm equipment, @Valid MoneyForm instruments, @Valid MoneyForm parts,
      @Valid MoneyForm rawMaterials, @Valid MoneyForm carrierSamples) {}

  record MilestoneForm(@NotBlank @Size(max = 200) String title, @NotNull @Valid MoneyForm amount, LocalDate dueDate) {}

  Terms toTerms() {
    var d = deductions == null ? new DeductionsForm(null, null, null, null, null) : deductions;
    var ip = EnumSet.noneOf(IpInvolvement.class);
    if (ipInvolvement != null) {
      ip.addAll(ipInvolvement);
    }
    return new Terms(contractType, contractSubtype, projectName == null ? null : projectName.strip(),
        new Deductions(fen(d.equipment()), fen(d.instruments()), fen(d.parts()), fen(d.rawMaterials()),
            fen(d.carrierSamples())),
        fenOrNull(expectedNewInvestment), fenOrNull(expectedNewOutputValue), technologyField, ip, planSource, validFrom,
        validUntil);
  }

  List<ManagingContracts.MilestoneDraft> schedule() {
    return milestones == null ? null : milestones.stream()
        .map(m -> new ManagingContracts.MilestoneDraft(m.title().strip(), m.amount().amountFen(), m.dueDate())).toList();
  }

  private static long fen(MoneyForm money) {
    return money == null ? 0 : money.amountFen();
  }

  private static Long fenOrNull(MoneyForm money) {
    return money == null ? null : money.amountFen();
  }
}
