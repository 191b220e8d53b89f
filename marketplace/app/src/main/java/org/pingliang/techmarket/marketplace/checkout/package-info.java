/**
 * Checkout (结算) for public S&T services: one order pays for a provider's technology service or for
 * instrument time, an innovation voucher (创新券) first and a card (Stripe) for the rest. The
 * voucher feature owns orders, redemptions and the ledger; the feature that sold the thing (a
 * provider's service, an instrument booking) opens the order through {@link
 * org.pingliang.techmarket.marketplace.checkout.Checkout} and learns the outcome through its {@link
 * org.pingliang.techmarket.marketplace.checkout.CheckoutHooks} bean.
 */
package org.pingliang.techmarket.marketplace.checkout;
