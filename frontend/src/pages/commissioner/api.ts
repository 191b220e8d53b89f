import { api, authHeaders } from '../../api/client';

export type CommissionerType = 'RURAL' | 'ENTERPRISE' | 'COMMUNITY';
export interface OrgRef { id: string; name: string }
export interface Consent { decision: string; by: string; at: string; note?: string }
export interface Application {
  id: string; name: string; type: CommissionerType; profile: string; expertise: string; employer: OrgRef;
  servedOrganisation?: OrgRef | null; servedUnitName?: string | null; regionCode: string; villageCodes: string[];
  threeRegionsTalent: boolean; status: string; employerConsent?: Consent | null; enterpriseConsent?: Consent | null;
  decision?: { hrOpinion: string; decidedBy: string; decidedAt: string; reason: string } | null;
  commissionerId?: string | null; createdAt: string; version: number;
}
export interface Commissioner {
  id: string; name: string; type: CommissionerType; expertise: string; employer: OrgRef; regionCode: string;
  threeRegionsTalent: boolean; standing: string; selectedAt: string; certificateNumber: string; villageCodes: string[];
  evaluations: { year: number; grade: string }[];
}
export interface PublicCard {
  id: string; name: string; type: CommissionerType; expertise: string; employerName: string; regionCode: string;
  threeRegionsTalent: boolean; selectedAt: string; certificateNumber: string;
}
export interface ServiceRecord {
  id: string; commissionerId: string; commissionerName: string; servedOrganisation: OrgRef; villageCode?: string;
  place: string; content: string; outcome: string; servedOn: string; status: string;
}
export interface Target { target: number; actual: number; met: boolean }
export interface Statistics {
  year: number; active: number; byType: Record<string, number>; threeRegionsTalents: number; newThisYear: number;
  teams: number; demonstrationBases: number; villages: number; villagesCovered: number; poorVillages: number;
  poorVillagesCovered: number; totalTarget: Target; newPerYearTarget: Target; teamsTarget: Target;
  demonstrationBasesTarget: Target; poorVillageTarget: Target;
  counties: { regionCode: string; name: string; commissioners: number; villages: number; villagesCovered: number; poorVillages: number; poorVillagesCovered: number }[];
}
export interface Village { code: string; name: string; township: string; countyCode: string; poor: boolean; activeCommissioners: number }

export const COUNTIES: Record<string, string> = {
  '620800': '平凉市', '620802': '崆峒区', '620821': '泾川县', '620822': '灵台县', '620823': '崇信县',
  '620825': '庄浪县', '620826': '静宁县', '620881': '华亭市',
};

export const commissionerApi = {
  apply: (body: unknown) => api<Application>('/api/commissioner-applications', { method: 'POST', body }),
  mine: () => api<Application[]>('/api/commissioner-applications/mine'),
  me: () => api<Commissioner>('/api/commissioners/me'),
  consentRequests: () => api<Application[]>('/api/commissioner-applications/consent-requests'),
  consent: (id: string, which: 'employer' | 'enterprise', consent: boolean) =>
    api<Application>(`/api/commissioner-applications/${id}/${which}-consent`, { method: 'POST', body: { consent } }),
  withdraw: (id: string) => api<Application>(`/api/commissioner-applications/${id}/withdrawal`, { method: 'POST' }),
  resign: (id: string) => api<Commissioner>(`/api/commissioners/${id}/resignation`, { method: 'POST' }),
  queue: () => api<Application[]>('/api/commissioner-applications'),
  decide: (id: string, body: unknown) => api<Application>(`/api/commissioner-applications/${id}/decision`, { method: 'POST', body }),
  notice: (year?: number) => api<PublicCard[]>(`/api/commissioner-notice${year ? `?year=${year}` : ''}`),
  statistics: () => api<Statistics>('/api/commissioner-statistics'),
  villages: () => api<Village[]>('/api/villages'),
  records: () => api<ServiceRecord[]>('/api/commissioner-service-records'),
  file: (body: unknown) => api<ServiceRecord>('/api/commissioner-service-records', { method: 'POST', body }),
  confirm: (id: string, confirmed: boolean) =>
    api<ServiceRecord>(`/api/commissioner-service-records/${id}/confirmation`, { method: 'POST', body: { confirmed } }),
  evaluation: (region: string, year: number) =>
    api<{ base: number; excellentCap: number; excellentGiven: number; quotaPercent: number; items: { commissionerId: string; name: string; type: CommissionerType; employerName: string; standing: string; grade?: string | null; feedback: { organisationName: string; rating: string; comment?: string }[] }[] }>(
      `/api/commissioner-evaluations?regionCode=${region}&year=${year}`),
  grade: (body: unknown) => api<unknown>('/api/commissioner-evaluations', { method: 'POST', body }),
};

/** Downloads the appointment letter with the bearer token (a plain link cannot send it). */
export async function downloadLetter(id: string): Promise<void> {
  const response = await fetch(`/api/commissioners/${id}/appointment-letter.pdf`, { headers: await authHeaders() });
  if (!response.ok) throw new Error(String(response.status));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `appointment-letter-${id}.pdf`;
  link.click();
  URL.revokeObjectURL(url);
}
