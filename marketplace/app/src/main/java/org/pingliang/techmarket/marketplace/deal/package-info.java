/**
 * What the three parts of a deal promise each other: negotiation (洽谈) ends in an {@link
 * org.pingliang.techmarket.marketplace.deal.AcceptedOffer}, which {@link
 * org.pingliang.techmarket.marketplace.deal.ContractDrafting} turns into a technology contract
 * (技术合同) draft; the contract feature tells payments about milestones through {@link
 * org.pingliang.techmarket.marketplace.deal.PaymentHooks} and answers their questions through {@link
 * org.pingliang.techmarket.marketplace.deal.ContractLedger}.
 *
 * <p>Every call that changes something runs inside the caller's reactive transaction and only
 * writes to PostgreSQL; anything slow or remote (Stripe) happens afterwards from durable rows, so a
 * crash between the two leaves work that is picked up again rather than lost.
 */
package org.pingliang.techmarket.marketplace.deal;
