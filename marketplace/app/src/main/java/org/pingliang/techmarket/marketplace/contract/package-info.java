/**
 * Technology contracts (技术合同) and their registration (技术合同认定登记).
 *
 * <p>An accepted offer becomes a draft through {@link
 * org.pingliang.techmarket.marketplace.deal.ContractDrafting} (idempotent on the negotiation). The
 * parties complete the registration fields, both sign (an OWNER of each party), submit, and an ADMIN
 * registrar registers it with a 16-digit number (year + seller's county code + sequence) and the
 * rule-set version, or refuses it (未予登记). The seller delivers milestones, the buyer's OWNER
 * accepts them (payments are told through {@link org.pingliang.techmarket.marketplace.deal.PaymentHooks}
 * in the same transaction); the last acceptance completes the contract.
 *
 * <p>Every change writes the contract row, one entry of the append-only hash-chained audit log and
 * one outbox event (aggregate type {@code Contract}) in one transaction. Statistics count registered
 * contracts only and are public aggregates.
 */
package org.pingliang.techmarket.marketplace.contract;
