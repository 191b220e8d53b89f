/**
 * What the three parts of a deal promise each other: negotiation (洽谈) ends in an {@link
 * org.pingliang.techmarket.marketplace.deal.AcceptedOffer}, which {@link
 * org.pingliang.techmarket.marketplace.deal.ContractDrafting} turns into a technology contract
 * (技术合同) draft; the contract feature tells payments about milestones through {@link
 * org.pingliang.techmarket.marketplace.deal.PaymentHooks} and answers their questions through {@link
 * org.pingliang.techmarket.marketplace.deal.ContractLedger}.
 *
 * <p>Contract types and subtypes in {@link org.pingliang.techmarket.marketplace.deal.AcceptedOffer}
 * ({@code contractType} / {@code contractSubtype}, Civil Code ch. 20), as negotiation offers them:
 * <ul>
 *   <li>{@code TECHNOLOGY_DEVELOPMENT} 技术开发: {@code COMMISSIONED} 委托开发, {@code COOPERATIVE} 合作开发
 *   <li>{@code TECHNOLOGY_TRANSFER} 技术转让: {@code PATENT_RIGHT} 专利权, {@code PATENT_APPLICATION_RIGHT}
 *       专利申请权, {@code TECHNICAL_SECRET} 技术秘密, {@code OTHER} 其他
 *   <li>{@code TECHNOLOGY_LICENSING} 技术许可: {@code PATENT_LICENSE} 专利实施许可, {@code
 *       TECHNICAL_SECRET_LICENSE} 技术秘密使用许可, {@code OTHER} 其他
 *   <li>{@code TECHNICAL_CONSULTING} 技术咨询: no subtype ({@code null})
 *   <li>{@code TECHNICAL_SERVICE} 技术服务: {@code GENERAL} 一般技术服务, {@code INTERMEDIARY} 技术中介,
 *       {@code TRAINING} 技术培训
 * </ul>
 * A type with subtypes always carries one; the list lives in negotiation's {@code internal.ContractType}.
 *
 * <p>Every call that changes something runs inside the caller's reactive transaction and only
 * writes to PostgreSQL; anything slow or remote (Stripe) happens afterwards from durable rows, so a
 * crash between the two leaves work that is picked up again rather than lost.
 */
package org.pingliang.techmarket.marketplace.deal;
