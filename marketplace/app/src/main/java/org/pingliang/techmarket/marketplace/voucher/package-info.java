/**
 * Innovation vouchers (创新券) and the checkout behind them.
 *
 * <ul>
 *   <li>Providers: the bureau (ADMIN) registers verified SERVICE_PROVIDER, UNIVERSITY or
 *       RESEARCH_INSTITUTE organisations; their OWNERs/EDITORs publish technology services, sold
 *       through checkout with purpose {@code SERVICE} ({@link
 *       org.pingliang.techmarket.marketplace.voucher.ProviderServices} is that purpose's {@code
 *       CheckoutHooks}): ORDERED → PAID → DELIVERED → CONFIRMED (a finished SERVICE engagement).
 *   <li>Vouchers: a yearly budget; a voucher is issued only to an eligible organisation — kind
 *       ENTERPRISE, VERIFIED, a small-enterprise declaration within the 科技型中小企业 thresholds
 *       (≤ 500 employees, annual revenue ≤ 2亿元, total assets ≤ 2亿元), not banned — and only within
 *       the budget (conditional UPDATE on the budget row).
 *   <li>Checkout ({@link org.pingliang.techmarket.marketplace.checkout.Checkout}, purpose-agnostic):
 *       the order row is locked first; a voucher's balance is taken by {@code UPDATE … WHERE
 *       balance_fen >= amount} under the voucher's row lock, so no fen is spent twice; the card
 *       part is one PaymentIntent through the payment feature's {@code CardIntents} (durable task,
 *       idempotency key {@code pi:order:{id}:v1}) and {@code payment_intent.succeeded} marks the
 *       order PAID; cancelling an unpaid order returns every voucher part.
 *   <li>Ledger: every movement BUDGET → VOUCHER → ORDER → PROVIDER_PAYABLE → REIMBURSED is one
 *       double-entry transaction that sums to zero (also checked by a deferred trigger at commit);
 *       {@code GET /api/voucher-ledger/balance} proves it against the tables.
 * </ul>
 */
package org.pingliang.techmarket.marketplace.voucher;
