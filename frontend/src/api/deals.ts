import type { Money } from '../lib/money';

/** Shapes of the deals API (negotiation, contract, payment, statistics, broker queue) as the marketplace writes them. */
export type Side = 'SELLER' | 'BUYER' | 'BROKER' | 'NONE' | string;
export type OfferStatus = 'OPEN' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN' | 'SUPERSEDED' | 'EXPIRED' | string;

export interface OfferMilestone {
  sequence: number;
  title: string;
  amount: Money;
  dueDate: string | null;
}

export interface Offer {
  id: string;
  negotiationId: string;
  madeBySide: Side;
  madeBy: string;
  status: OfferStatus;
  redacted: boolean;
  price: Money | null;
  milestones: OfferMilestone[] | null;
  contractType: string | null;
  contractSubtype: string | null;
  scope: string | null;
  termMonths: number | null;
  expiresAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface Negotiation {
  id: string;
  status: 'OPEN' | 'AGREED' | string;
  version: number;
  listing: { type: 'ACHIEVEMENT' | 'DEMAND'; id: string; title: string };
  holderOrganisationId: string;
  inquirerOrganisationId: string;
  sellerOrganisationId: string;
  buyerOrganisationId: string;
  yourSide: Side;
  youMayAct: boolean;
  nda: { required: boolean; requiredBy: string | null; requiredAt: string | null; acknowledged: boolean; acknowledgedBy: string | null; acknowledgedAt: string | null };
  broker: { organisationId: string; subject: string; commissionBasisPoints: number; agreedBySeller: string | null; agreedByBuyer: string | null } | null;
  openOffer: Offer | null;
  acceptedOfferId: string | null;
  contractId: string | null;
  proposalId: string | null;
  openedBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface Message {
  id: string;
  author: string;
  authorSide: Side;
  body: string | null;
  confidential: boolean;
  redacted: boolean;
  createdAt: string;
}

export type ContractStatus = 'DRAFT' | 'AWAITING_SIGNATURES' | 'SIGNED' | 'SUBMITTED' | 'REGISTERED' | 'REJECTED'
  | 'IN_PERFORMANCE' | 'COMPLETED' | 'TERMINATED';

export interface ContractParty {
  organisationId: string;
  name: string;
  creditCode: string | null;
  countryCode: string | null;
  regionCode: string | null;
  legalEntityCategory: string | null;
  legalEntitySubtype: string | null;
}

export interface ContractMilestone {
  id: string;
  sequence: number;
  title: string;
  amount: Money;
  dueDate: string | null;
  status: 'PENDING' | 'DELIVERED' | 'ACCEPTED' | 'CANCELLED';
  deliveredAt: string | null;
  acceptedAt: string | null;
}

export interface Consent {
  party: 'SELLER' | 'BUYER';
  subject: string;
  reason: string | null;
  at: string;
}

export interface Contract {
  id: string;
  version: number;
  status: ContractStatus;
  statusReason: string | null;
  negotiationId: string;
  offerId: string;
  listingType: string;
  listingId: string;
  contractType: string;
  contractSubtype: string | null;
  projectName: string;
  scope: string;
  termMonths: number;
  seller: ContractParty;
  buyer: ContractParty;
  broker: { organisationId: string; subject: string; commissionBasisPoints: number | null } | null;
  total: Money;
  technicalTransactionAmount: Money;
  deductions: { equipment: Money; instruments: Money; parts: Money; rawMaterials: Money; carrierSamples: Money };
  expectedNewInvestment: Money | null;
  expectedNewOutputValue: Money | null;
  technologyField: string | null;
  ipInvolvement: string[];
  planSource: string | null;
  signingDate: string | null;
  validFrom: string | null;
  validUntil: string | null;
  milestones: ContractMilestone[];
  signatures: Consent[];
  terminationConsents: Consent[];
  registration: { submittedAt: string | null; registrationNumber: string | null; ruleSet: string | null; registeredAt: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface Payment {
  id: string;
  contractId: string;
  milestoneId: string;
  status: 'CREATING' | 'AWAITING_PAYMENT' | 'FUNDED' | 'RELEASING' | 'RELEASED' | 'CANCELLED' | 'REFUNDING' | 'REFUNDED' | string;
  amount: Money;
  platformFee: Money;
  brokerCommission: Money;
  sellerShare: Money;
  paymentIntentId: string | null;
  clientSecret: string | null;
  steps: { step: string; status: string; attempts: number; nextAttemptAt: string | null; lastError: string | null }[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Bucket {
  key: string;
  label: string | null;
  count: number;
  totalAmount: Money;
  technicalTransactionAmount: Money;
}

export interface StatisticsReport {
  year: number;
  side: 'SELLER' | 'BUYER';
  total: Bucket;
  byMonth: Bucket[];
  byRegion: Bucket[];
  byContractType: Bucket[];
  byTechnologyField: Bucket[];
  byPartyType: Bucket[];
}

export interface TargetProgress {
  year: number;
  target: Money;
  achieved: Money;
  technicalTransactionAmount: Money;
  contractCount: number;
  progressBasisPoints: number;
  progressPercent: string;
  remaining: Money;
}

export interface MatchQueueEntry {
  id: string;
  demandId: string;
  demandTitle: string;
  achievementId: string;
  achievementTitle: string;
  score: number;
  similarity: number | null;
  status: 'NEW' | 'CLAIMED' | 'DISMISSED' | string;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  version: number;
}
