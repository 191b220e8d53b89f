/**
 * Credit (信用) across the market: which engagements ended so that their parties may rate each
 * other ({@link org.pingliang.techmarket.marketplace.credit.Engagements}), and who may not trade
 * because of misconduct ({@link org.pingliang.techmarket.marketplace.credit.TradingBans}).
 *
 * <p>Other features (contracts, commissioners' services, vouchers, instrument bookings) report a
 * finished engagement inside their own writing transaction and ask {@code TradingBans} before they
 * let a party trade. An honest failure (a commissioner judged 不称职 and leaving, a service that did
 * not work out) is never a ban: bans are for misconduct only and are kept apart.
 */
package org.pingliang.techmarket.marketplace.credit;
