/**
 * Negotiation (洽谈): how a match becomes an agreed offer.
 *
 * <p>An inquiry (询价) — an enterprise on a published achievement, a university on an open demand,
 * acting for an organisation it owns or edits for — opens a private room between the holder and the
 * inquirer (one open room per listing and inquiring organisation; a second inquiry returns it). In
 * the room: plain-text messages; structured offers (price in fen, a payment schedule adding up to
 * it, contract type and subtype, scope, term, expiry) where a new offer supersedes the open one;
 * acceptance by the other side, which creates the contract draft through {@link
 * org.pingliang.techmarket.marketplace.deal.ContractDrafting} in the same transaction, under the
 * room's row lock; decline, withdrawal and expiry (checked on read, marked by a sweep). The holder
 * may require an NDA (保密协议): until the inquirer acknowledges it, offer terms and confidential
 * messages are redacted for the inquirer, who cannot bargain yet. A broker (技术经纪人) joins a
 * room when invited by one party, agreed by the other and accepted by the broker, or proposes a
 * match that opens a room once both holders accept; the agreed commission, and who agreed for each
 * party, go into {@link org.pingliang.techmarket.marketplace.deal.AcceptedOffer.BrokerTerms}.
 *
 * <p>Visibility: the parties' members and the room's broker; anyone else (administrators too) gets
 * 404. Parties' OWNERs and EDITORs act; MEMBERs read. Every change bumps the room's version and
 * appends a {@code Negotiation} event to the outbox (deals stream), and is announced on Redis
 * pub/sub channel {@code techmarket:negotiations:<id>} for the SSE endpoint.
 *
 * <p>{@code internal} holds the rules as plain Java (no Spring, Reactor or R2DBC).
 */
package org.pingliang.techmarket.marketplace.negotiation;
