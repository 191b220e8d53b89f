import type { Money } from '../../lib/money';

/** The voucher feature's API shapes (see the marketplace's voucher package). */
export interface Voucher {
  id: string;
  year: number;
  organisationId: string;
  amount: Money;
  balance: Money;
  expiresAt: string;
  expired: boolean;
}

export interface Budget {
  year: number;
  amount: Money;
  issued: Money;
  remaining: Money;
}

export interface ProviderService {
  id: string;
  providerOrganisationId: string;
  providerName: string | null;
  title: string;
  description: string;
  price: Money;
  status: string;
}

export interface ServiceOrder {
  id: string;
  serviceId: string;
  serviceTitle: string;
  providerOrganisationId: string;
  buyerOrganisationId: string;
  price: Money;
  status: string;
  orderId: string | null;
}

export interface Order {
  id: string;
  purpose: string;
  referenceId: string;
  buyerOrganisationId: string;
  providerOrganisationId: string;
  description: string;
  status: 'OPEN' | 'PAID' | 'CANCELLED';
  amount: Money;
  voucherAmount: Money;
  cardAmount: Money;
  redemptions: { id: string; voucherId: string; amount: Money; status: string }[];
  cardPayment: null | {
    status: string;
    amount: Money;
    paymentIntentId: string | null;
    clientSecret: string | null;
    attempts: number;
    lastError: string | null;
  };
  mayPay: boolean;
}

export interface Claim {
  id: string;
  providerOrganisationId: string;
  amount: Money;
  status: string;
  orderIds: string[];
  rejectionReason: string | null;
  createdAt: string;
}

export interface Statistics {
  year: number;
  budget: Money;
  issued: Money;
  redeemed: Money;
  reimbursed: Money;
  budgetUse: number;
  vouchers: number;
  enterprises: number;
  byCounty: { key: string; issued: Money; redeemed: Money; reimbursed: Money }[];
  byMonth: { key: string; issued: Money; redeemed: Money; reimbursed: Money }[];
}

export const COUNTIES: Record<string, [string, string]> = {
  '620802': ['崆峒区', 'Kongtong'],
  '620821': ['泾川县', 'Jingchuan'],
  '620822': ['灵台县', 'Lingtai'],
  '620823': ['崇信县', 'Chongxin'],
  '620825': ['庄浪县', 'Zhuanglang'],
  '620826': ['静宁县', 'Jingning'],
  '620881': ['华亭市', 'Huating'],
};

export function countyName(code: string, language: string): string {
  const names = COUNTIES[code];
  return names ? names[language.startsWith('zh') ? 0 : 1] : code;
}
