package org.pingliang.techmarket.marketplace.contract;

/**
 * What is taken off the contract total to get the technical transaction amount (技术交易额): the
 * equipment, instruments, parts and raw materials the contract pays for, in fen. Reasonable carrier
 * samples (载体样品) stay in the technical amount; they are recorded but never deducted.
 */
public record Deductions(long equipmentFen, long instrumentsFen, long partsFen, long rawMaterialsFen, long carrierSamplesFen) {

  public static final Deductions NONE = new Deductions(0, 0, 0, 0, 0);

  /** The deducted sum, or -1 when it would overflow (which no real contract reaches). */
  public long deductedFen() {
    try {
      return Math.addExact(Math.addExact(equipmentFen, instrumentsFen), Math.addExact(partsFen, rawMaterialsFen));
    } catch (ArithmeticException overflow) {
      return -1;
    }
  }

  public boolean anyNegative() {
    return equipmentFen < 0 || instrumentsFen < 0 || partsFen < 0 || rawMaterialsFen < 0 || carrierSamplesFen < 0;
  }

  /** Whether these deductions fit a contract of {@code totalFen}: none negative, their sum at most the total. */
  public boolean fit(long totalFen) {
    var deducted = deductedFen();
    return !anyNegative() && deducted >= 0 && deducted <= totalFen;
  }

  /** 技术交易额 = total − (equipment + instruments + parts + raw materials); assumes {@link #fit}. */
  public long technicalTransactionFen(long totalFen) {
    return totalFen - deductedFen();
  }
}
