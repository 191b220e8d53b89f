package org.pingliang.techmarket.marketplace.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One payment milestone (付款节点) and how far its performance got. Amounts in fen. */
public record Milestone(
    UUID id,
    int sequence,
    String title,
    long amountFen,
    LocalDate dueDate,
    MilestoneStatus status,
    Instant deliveredAt,
    String deliveredBy,
    Instant acceptedAt,
    String acceptedBy) {

  Milestone delivered(Instant at, String by) {
    return new Milestone(id, sequence, title, amountFen, dueDate, MilestoneStatus.DELIVERED, at, by, acceptedAt, acceptedBy);
  }

  Milestone accepted(Instant at, String by) {
    return new Milestone(id, sequence, title, amountFen, dueDate, MilestoneStatus.ACCEPTED, deliveredAt, deliveredBy, at, by);
  }
}
