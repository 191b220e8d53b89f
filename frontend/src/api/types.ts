import type { Money } from '../lib/money';

export const TECHNOLOGY_FIELDS = [
  'ELECTRONIC_INFORMATION', 'AEROSPACE', 'ADVANCED_MANUFACTURING', 'BIOMEDICINE', 'NEW_MATERIALS', 'NEW_ENERGY',
  'ENVIRONMENT', 'NUCLEAR', 'AGRICULTURE', 'MODERN_TRANSPORT', 'URBAN_AND_SOCIAL',
] as const;
export const MATURITIES = ['LABORATORY', 'BENCH_SCALE', 'PILOT_SCALE', 'READY_FOR_PRODUCTION', 'INDUSTRIALISED'] as const;
export const TRANSFER_MODES = ['ASSIGNMENT', 'LICENCE', 'EQUITY_INVESTMENT', 'JOINT_DEVELOPMENT', 'TECHNICAL_SERVICE'] as const;
export const ACHIEVEMENT_STATUSES = ['DRAFT', 'SUBMITTED', 'PUBLISHED', 'REJECTED', 'WITHDRAWN', 'ARCHIVED'] as const;
export const DEMAND_STATUSES = ['OPEN', 'IN_NEGOTIATION', 'SOLVED', 'CLOSED'] as const;
/** GB/T 2260 codes of Pingliang and its counties. */
export const REGIONS = ['620800', '620802', '620821', '620822', '620823', '620825', '620826', '620881'] as const;

export type TechnologyField = (typeof TECHNOLOGY_FIELDS)[number];
export type Maturity = (typeof MATURITIES)[number];
export type TransferMode = (typeof TRANSFER_MODES)[number];
export type AchievementStatus = (typeof ACHIEVEMENT_STATUSES)[number];
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Achievement {
  id: string;
  organisation: { id: string; name: string };
  title: string;
  summary: string;
  description: string;
  technologyField: TechnologyField;
  industryTags: string[];
  maturity: Maturity;
  trl: number | null;
  ip: { patents: { applicationNumber: string; title?: string | null }[]; softwareCopyrights: string[]; plantVarieties: string[] } | null;
  transferModes: TransferMode[];
  askingPrice: Money | null;
  priceNegotiable: boolean;
  regionCode: string;
  status: AchievementStatus;
  statusReason: string | null;
  externalId: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Demand {
  id: string;
  organisation: { id: string; name: string };
  title: string;
  problem: string;
  expectedOutcome: string;
  budget: { min: Money | null; max: Money | null; negotiable: boolean };
  deadline: string;
  cooperationModes: TransferMode[];
  industryTags: string[];
  technologyField: TechnologyField;
  regionCode: string;
  challenge: boolean;
  bounty: Money | null;
  status: DemandStatus;
  statusReason: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface AchievementPackage {
  id: string;
  title: string;
  theme: string;
  industryTags: string[];
  regionCode: string;
  description: string;
  achievements: { id: string; title: string; organisationId: string; organisationName: string; technologyField: TechnologyField; maturity: Maturity }[];
  status: 'DRAFT' | 'PUBLISHED' | 'WITHDRAWN';
  publishedAt: string | null;
  version: number;
}

export interface Organisation {
  id: string;
  name: string;
  kind: 'UNIVERSITY' | 'ENTERPRISE' | 'BROKER_AGENCY' | 'SERVICE_PROVIDER' | string;
  regionCode: string;
  regionName: string | null;
  verificationStatus: string;
  rejectionReason: string | null;
  version: number;
}

export interface MyOrganisation {
  role: 'OWNER' | 'EDITOR' | 'MEMBER';
  organisation: Organisation;
}

export interface Me {
  subject: string;
  username: string;
  name: string | null;
  email: string | null;
  roles: string[];
  preferences: { locale: string; emailNotifications: boolean; version: number | null };
}

/** GET /api/search (see the search contract). */
export interface SearchItem {
  type: 'ACHIEVEMENT' | 'DEMAND' | 'PACKAGE';
  id: string;
  version: number;
  title: string;
  summary: string | null;
  highlights?: { title?: string[]; summary?: string[]; description?: string[] };
  holder?: { id: string; name: string; verified: boolean } | null;
  region?: string | null;
  technologyField?: string | null;
  maturity?: string | null;
  industryTags?: string[];
  /** Achievements: asking price in fen, or negotiable. */
  price?: { amountFen: number | null; negotiable: boolean } | null;
  /** Demands: budget range in fen, or negotiable. */
  budget?: { minFen: number | null; maxFen: number | null; negotiable: boolean } | null;
  transferModes?: string[];
  status?: string | null;
  publishedAt?: string | null;
  score?: number;
}

export interface Facet {
  value: string;
  count: number;
}

export interface SearchResult {
  items: SearchItem[];
  facets: Partial<Record<'type' | 'technologyField' | 'industry' | 'maturity' | 'region' | 'transferMode', Facet[]>>;
  total: number;
  nextCursor: string | null;
}

export interface Suggestion {
  text: string;
  type: string;
  id: string;
}

export interface ImportProgress {
  importId?: string;
  id?: string;
  status: 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';
  totalRows: number | null;
  processedRows: number;
  createdRows: number;
  updatedRows: number;
  unchangedRows: number;
  failedRows: number;
  failure: string | null;
  failureMessage?: string | null;
}

export interface RowError {
  row: number;
  field: string;
  code: string;
  message: string;
}
