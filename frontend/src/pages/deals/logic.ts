import { yuanToFen } from '../../lib/money';
import type { Bucket, Contract, ContractStatus, Negotiation, Offer } from '../../api/deals';

/** Contract types (Civil Code) and the subtypes each allows, as the API checks them. */
export const CONTRACT_TYPES: Record<string, string[]> = {
  TECHNOLOGY_DEVELOPMENT: ['COMMISSIONED', 'COOPERATIVE'],
  TECHNOLOGY_TRANSFER: ['PATENT_RIGHT', 'PATENT_APPLICATION_RIGHT', 'TECHNICAL_SECRET', 'OTHER'],
  TECHNOLOGY_LICENSING: ['PATENT_LICENSE', 'TECHNICAL_SECRET_LICENSE', 'OTHER'],
  TECHNICAL_CONSULTING: [],
  TECHNICAL_SERVICE: ['GENERAL', 'INTERMEDIARY', 'TRAINING'],
};
export const IP_INVOLVEMENT = ['NONE', 'PATENT', 'TECHNICAL_SECRET', 'SOFTWARE_COPYRIGHT', 'IC_LAYOUT_DESIGN', 'PLANT_VARIETY', 'BIOMEDICINE_VARIETY', 'OTHER'];
export const PLAN_SOURCES = ['NATIONAL', 'PROVINCIAL', 'CITY_COUNTY', 'NONE'];
export const TECHNOLOGY_FIELDS = ['ELECTRONIC_INFORMATION', 'AEROSPACE', 'ADVANCED_MANUFACTURING', 'BIOMEDICINE', 'NEW_MATERIALS',
  'NEW_ENERGY', 'ENVIRONMENT', 'NUCLEAR', 'AGRICULTURE', 'MODERN_TRANSPORT', 'URBAN_AND_SOCIAL'];

/** One milestone row of the offer form: amounts as the user types them in 元. */
export interface MilestoneInput {
  title?: string;
  amountYuan?: string | number;
  dueDate?: string;
}

export interface OfferInput {
  priceYuan?: string | number;
  milestones?: MilestoneInput[];
  contractType?: string;
  contractSubtype?: string;
  scope?: string;
  termMonths?: number;
  expiresAt?: string;
}

/** How the milestones compare with the price: all in fen, `difference` = price − sum. */
export interface MilestoneCheck {
  priceFen: number | null;
  sumFen: number;
  differenceFen: number | null;
  /** Rows whose amount is not a valid positive amount in 元. */
  invalidRows: number[];
  ok: boolean;
}

export function checkMilestones(priceYuan: string | number | undefined, milestones: MilestoneInput[] = []): MilestoneCheck {
  const priceFen = yuanToFen(priceYuan ?? null);
  let sumFen = 0;
  const invalidRows: number[] = [];
  milestones.forEach((row, index) => {
    const fen = yuanToFen(row?.amountYuan ?? null);
    if (fen === null || fen <= 0) invalidRows.push(index);
    else sumFen += fen;
  });
  const differenceFen = priceFen === null ? null : priceFen - sumFen;
  return { priceFen, sumFen, differenceFen, invalidRows, ok: priceFen !== null && priceFen > 0 && milestones.length > 0 && invalidRows.length === 0 && differenceFen === 0 };
}

/** Splits a price into n milestone amounts in fen that add up to it exactly (the remainder goes to the last). */
export function splitEvenly(priceFen: number, count: number): number[] {
  if (count <= 0 || priceFen <= 0) return [];
  const share = Math.floor(priceFen / count);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? priceFen - share * (count - 1) : share));
}

/** The form's values → the API's OfferRequest (price and milestones in fen, sequences 1..n, expiry as an instant). */
export function offerRequest(input: OfferInput) {
  const subtypes = CONTRACT_TYPES[input.contractType ?? ''] ?? [];
  return {
    price: { amountFen: yuanToFen(input.priceYuan ?? null), currency: 'CNY' },
    milestones: (input.milestones ?? []).map((row, index) => ({
      sequence: index + 1,
      title: row.title?.trim() ?? '',
      amount: { amountFen: yuanToFen(row.amountYuan ?? null), currency: 'CNY' },
      dueDate: row.dueDate ?? null,
    })),
    contractType: input.contractType ?? null,
    contractSubtype: subtypes.length > 0 ? (input.contractSubtype ?? null) : null,
    scope: input.scope?.trim() ?? '',
    termMonths: input.termMonths ?? null,
    expiresAt: input.expiresAt ? endOfDayChina(input.expiresAt) : null,
  };
}

/** "2026-12-01" → the last second of that day in China time, as the API's OffsetDateTime. */
export function endOfDayChina(date: string): string {
  return `${date}T23:59:59+08:00`;
}

/** A date n days (or months) from `from` as YYYY-MM-DD. */
export function isoDate(from: Date, days = 0, months = 0): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, from.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}

/** An existing offer as the starting values of a counter-offer. */
export function counterInput(offer: Offer | null | undefined, today = new Date()): OfferInput {
  const fen2yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));
  if (!offer || offer.redacted || !offer.price) {
    return {
      milestones: [
        { title: '', amountYuan: '', dueDate: isoDate(today, 0, 1) },
        { title: '', amountYuan: '', dueDate: isoDate(today, 0, 6) },
      ],
      termMonths: 12,
      expiresAt: isoDate(today, 14),
    };
  }
  return {
    priceYuan: fen2yuan(offer.price.amountFen),
    milestones: (offer.milestones ?? []).map((m) => ({ title: m.title, amountYuan: fen2yuan(m.amount.amountFen), dueDate: m.dueDate ?? undefined })),
    contractType: offer.contractType ?? undefined,
    contractSubtype: offer.contractSubtype ?? undefined,
    scope: offer.scope ?? undefined,
    termMonths: offer.termMonths ?? 12,
    expiresAt: isoDate(today, 14),
  };
}

export type OfferMove = 'accept' | 'decline' | 'withdraw' | 'counter';

/** What the caller may do with the room's open offer: the other side accepts, declines or counters; the maker withdraws or revises. */
export function offerMoves(room: Pick<Negotiation, 'status' | 'yourSide' | 'youMayAct' | 'nda'>, offer: Pick<Offer, 'status' | 'madeBySide'> | null): OfferMove[] {
  const party = room.yourSide === 'SELLER' || room.yourSide === 'BUYER';
  if (room.status !== 'OPEN' || !room.youMayAct || !party) return [];
  if (room.nda.required && !room.nda.acknowledged) return [];
  if (!offer || offer.status !== 'OPEN') return ['counter'];
  return offer.madeBySide === room.yourSide ? ['withdraw', 'counter'] : ['accept', 'decline', 'counter'];
}

/** Whether the caller must acknowledge the NDA before seeing terms (the inquirer's side). */
export function mustAcknowledgeNda(room: Pick<Negotiation, 'nda' | 'yourSide' | 'youMayAct' | 'holderOrganisationId' | 'sellerOrganisationId' | 'buyerOrganisationId' | 'inquirerOrganisationId' | 'status'>): boolean {
  if (!room.nda.required || room.nda.acknowledged || !room.youMayAct || room.status !== 'OPEN') return false;
  const myOrganisation = room.yourSide === 'SELLER' ? room.sellerOrganisationId : room.yourSide === 'BUYER' ? room.buyerOrganisationId : null;
  return myOrganisation === room.inquirerOrganisationId;
}

/** Colour of a status tag. */
export function contractStatusColor(status: ContractStatus | string): string {
  switch (status) {
    case 'DRAFT': return 'default';
    case 'AWAITING_SIGNATURES': return 'gold';
    case 'SIGNED': return 'cyan';
    case 'SUBMITTED': return 'blue';
    case 'REGISTERED': case 'IN_PERFORMANCE': return 'green';
    case 'COMPLETED': return 'purple';
    case 'REJECTED': case 'TERMINATED': return 'red';
    default: return 'default';
  }
}

/** Position in the main path for the Steps bar: draft, signatures, signed, submitted, registered, performance, completed. */
export function contractStep(status: ContractStatus | string): number {
  return ['DRAFT', 'AWAITING_SIGNATURES', 'SIGNED', 'SUBMITTED', 'REGISTERED', 'IN_PERFORMANCE', 'COMPLETED']
    .indexOf(status === 'REJECTED' ? 'REGISTERED' : status);
}

export type PartyRole = 'SELLER' | 'BUYER';
export type ContractMove = 'edit' | 'signatureRequest' | 'revision' | 'sign' | 'submission' | 'register' | 'reject';

/**
 * What the caller may do on a contract. `roles` maps each party the caller belongs to (SELLER/BUYER)
 * to their role there (OWNER, EDITOR, MEMBER); only an OWNER signs, OWNER/EDITOR do the rest.
 */
export function contractMoves(contract: Pick<Contract, 'status' | 'signatures'>, roles: Partial<Record<PartyRole, string>>, admin: boolean): ContractMove[] {
  const moves: ContractMove[] = [];
  const editor = Object.values(roles).some((role) => role === 'OWNER' || role === 'EDITOR');
  const unsigned = (['SELLER', 'BUYER'] as PartyRole[]).filter((party) => roles[party] === 'OWNER' && !contract.signatures.some((s) => s.party === party));
  if (editor && contract.status === 'DRAFT') moves.push('edit', 'signatureRequest');
  if (editor && contract.status === 'AWAITING_SIGNATURES') moves.push('revision');
  if (contract.status === 'AWAITING_SIGNATURES' && unsigned.length > 0) moves.push('sign');
  if (editor && contract.status === 'SIGNED') moves.push('submission');
  if (admin && contract.status === 'SUBMITTED') moves.push('register', 'reject');
  return moves;
}

/** Which party the caller signs for next: the one they own and have not signed yet. */
export function partyToSign(contract: Pick<Contract, 'signatures'>, roles: Partial<Record<PartyRole, string>>): PartyRole | undefined {
  return (['SELLER', 'BUYER'] as PartyRole[]).find((party) => roles[party] === 'OWNER' && !contract.signatures.some((s) => s.party === party));
}

/** The chart rows for one dimension: label (in the current language), contract count and amounts in 万元. */
export interface ChartRow {
  key: string;
  label: string;
  count: number;
  totalWan: number;
  technicalWan: number;
}

const fenToWan = (fen: number) => Math.round(fen / 10_000) / 100; // 1 万元 = 1,000,000 fen, two decimals

export function chartRows(buckets: Bucket[] | undefined, label: (bucket: Bucket) => string): ChartRow[] {
  return (buckets ?? []).map((bucket) => ({
    key: bucket.key,
    label: label(bucket),
    count: bucket.count,
    totalWan: fenToWan(bucket.totalAmount.amountFen),
    technicalWan: fenToWan(bucket.technicalTransactionAmount.amountFen),
  }));
}

/** Twelve months of the year, months without registrations as zero, so the bar chart never skips one. */
export function monthRows(year: number, buckets: Bucket[] | undefined, monthLabel: (month: number) => string): ChartRow[] {
  const byKey = new Map((buckets ?? []).map((bucket) => [bucket.key, bucket]));
  return Array.from({ length: 12 }, (_, i) => {
    const key = `${year}-${String(i + 1).padStart(2, '0')}`;
    const bucket = byKey.get(key);
    return {
      key,
      label: monthLabel(i + 1),
      count: bucket?.count ?? 0,
      totalWan: fenToWan(bucket?.totalAmount.amountFen ?? 0),
      technicalWan: fenToWan(bucket?.technicalTransactionAmount.amountFen ?? 0),
    };
  });
}

/** Merges a live-updated list: newest first, one entry per id (the later version wins). */
export function upsertNewestFirst<T extends { id: string; createdAt: string }>(items: T[], incoming: T[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const item of incoming) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** The registration-fields form as the user edits it (amounts in 元). */
export interface ContractFieldsInput {
  projectName?: string;
  contractType?: string;
  contractSubtype?: string;
  technologyField?: string;
  ipInvolvement?: string[];
  planSource?: string;
  validFrom?: string;
  validUntil?: string;
  equipmentYuan?: string;
  instrumentsYuan?: string;
  partsYuan?: string;
  rawMaterialsYuan?: string;
  carrierSamplesYuan?: string;
  expectedNewInvestmentYuan?: string;
  expectedNewOutputValueYuan?: string;
}

const moneyOrNull = (yuan: string | undefined) => {
  const fen = yuanToFen(yuan ?? null);
  return fen === null ? null : { amountFen: fen, currency: 'CNY' };
};
const fenText = (fen: number | undefined | null) => (fen === undefined || fen === null ? undefined : fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

/** A contract → the form's starting values. */
export function contractFieldsInput(contract: Contract): ContractFieldsInput {
  const d = contract.deductions;
  return {
    projectName: contract.projectName,
    contractType: contract.contractType,
    contractSubtype: contract.contractSubtype ?? undefined,
    technologyField: contract.technologyField ?? undefined,
    ipInvolvement: contract.ipInvolvement,
    planSource: contract.planSource ?? undefined,
    validFrom: contract.validFrom ?? undefined,
    validUntil: contract.validUntil ?? undefined,
    equipmentYuan: fenText(d?.equipment?.amountFen),
    instrumentsYuan: fenText(d?.instruments?.amountFen),
    partsYuan: fenText(d?.parts?.amountFen),
    rawMaterialsYuan: fenText(d?.rawMaterials?.amountFen),
    carrierSamplesYuan: fenText(d?.carrierSamples?.amountFen),
    expectedNewInvestmentYuan: fenText(contract.expectedNewInvestment?.amountFen),
    expectedNewOutputValueYuan: fenText(contract.expectedNewOutputValue?.amountFen),
  };
}

/** The form's values → the PUT body (ContractForm); transfer-only amounts are sent only for a transfer, milestones kept as agreed. */
export function contractFieldsBody(input: ContractFieldsInput, version: number) {
  const transfer = input.contractType === 'TECHNOLOGY_TRANSFER';
  const subtypes = CONTRACT_TYPES[input.contractType ?? ''] ?? [];
  return {
    version,
    contractType: input.contractType ?? null,
    contractSubtype: subtypes.length > 0 ? (input.contractSubtype ?? null) : null,
    projectName: input.projectName?.trim() ?? '',
    deductions: {
      equipment: moneyOrNull(input.equipmentYuan),
      instruments: moneyOrNull(input.instrumentsYuan),
      parts: moneyOrNull(input.partsYuan),
      rawMaterials: moneyOrNull(input.rawMaterialsYuan),
      carrierSamples: moneyOrNull(input.carrierSamplesYuan),
    },
    expectedNewInvestment: transfer ? moneyOrNull(input.expectedNewInvestmentYuan) : null,
    expectedNewOutputValue: transfer ? moneyOrNull(input.expectedNewOutputValueYuan) : null,
    technologyField: input.technologyField ?? null,
    ipInvolvement: input.ipInvolvement ?? [],
    planSource: input.planSource ?? null,
    validFrom: input.validFrom || null,
    validUntil: input.validUntil || null,
  };
}

/** 技术交易额 as the form stands: total minus equipment, instruments, parts and raw materials (carrier samples are not deducted). */
export function technicalAmountFen(totalFen: number, input: ContractFieldsInput): number | null {
  let deducted = 0;
  for (const yuan of [input.equipmentYuan, input.instrumentsYuan, input.partsYuan, input.rawMaterialsYuan]) {
    if (yuan === undefined || yuan === '') continue;
    const fen = yuanToFen(yuan);
    if (fen === null) return null;
    deducted += fen;
  }
  return totalFen - deducted;
}
