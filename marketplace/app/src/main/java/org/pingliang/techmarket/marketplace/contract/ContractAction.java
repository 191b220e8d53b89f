package org.pingliang.techmarket.marketplace.contract;

import static org.pingliang.techmarket.marketplace.contract.ContractStatus.AWAITING_SIGNATURES;
import static org.pingliang.techmarket.marketplace.contract.ContractStatus.COMPLETED;
import static org.pingliang.techmarket.marketplace.contract.ContractStatus.DRAFT;
import static org.pingliang.techmarket.marketplace.contract.ContractStatus.IN_PERFORMANCE;
import static org.pingliang.techmarket.marketplace.contract.ContractStatus.REGISTERED;
import static org.pingliang.techmarket.marketplace.contract.ContractStatus.REJECTED;
import static org.pingliang.techmarket.marketplace.contract.ContractStatus.SIGNED;
import static org.pingliang.techmarket.marketplace.contract.ContractStatus.SUBMITTED;
import static org.pingliang.techmarket.marketplace.contract.ContractStatus.TERMINATED;

import org.pingliang.techmarket.marketplace.listing.shared.Lifecycle;

/**
 * What can happen to a contract. The lifecycle lists where each action may lead; a signature that
 * leaves one party still to sign, a delivery in performance and an acceptance that leaves milestones
 * open keep or reach the states named by {@link #LIFECYCLE}, the service picks the final one.
 */
public enum ContractAction {
  DRAFT_CONTRACT("ContractDrafted"),
  EDIT("ContractUpdated"),
  REQUEST_SIGNATURES("ContractSentForSignature"),
  REVISE("ContractReopenedForEditing"),
  SIGN("ContractSigned"),
  SUBMIT("ContractSubmittedForRegistration"),
  REGISTER("ContractRegistered"),
  REJECT("ContractRegistrationRejected"),
  DELIVER_MILESTONE("ContractMilestoneDelivered"),
  ACCEPT_MILESTONE("ContractMilestoneAccepted"),
  REQUEST_TERMINATION("ContractTerminationRequested"),
  TERMINATE("ContractTerminated");

  /** Moves by action; a signature and an acceptance may also stay (see the service). */
  static final Lifecycle<ContractStatus, ContractAction> LIFECYCLE = Lifecycle.of(ContractStatus.class, ContractAction.class)
      .move(EDIT, DRAFT, DRAFT)
      .move(REQUEST_SIGNATURES, AWAITING_SIGNATURES, DRAFT)
      // Back to editing before everybody signed; signatures given so far are dropped.
      .move(REVISE, DRAFT, AWAITING_SIGNATURES)
      .move(SIGN, SIGNED, AWAITING_SIGNATURES)
      .move(SUBMIT, SUBMITTED, SIGNED)
      .move(REGISTER, REGISTERED, SUBMITTED)
      .move(REJECT, REJECTED, SUBMITTED)
      .move(DELIVER_MILESTONE, IN_PERFORMANCE, REGISTERED, IN_PERFORMANCE)
      .move(ACCEPT_MILESTONE, COMPLETED, REGISTERED, IN_PERFORMANCE)
      .move(REQUEST_TERMINATION, TERMINATED, SIGNED, REJECTED, REGISTERED, IN_PERFORMANCE)
      .move(TERMINATE, TERMINATED, DRAFT, AWAITING_SIGNATURES, SIGNED, REJECTED, REGISTERED, IN_PERFORMANCE)
      .build();

  private final String eventType;

  ContractAction(String eventType) {
    this.eventType = eventType;
  }

  public String eventType() {
    return eventType;
  }
}
