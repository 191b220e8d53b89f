import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18n from '../../i18n';
import type { Bucket, Contract, Negotiation, Offer } from '../../api/deals';
import {
  chartRows, checkMilestones, contractFieldsBody, contractMoves, contractStep, counterInput, monthRows, mustAcknowledgeNda,
  offerMoves, offerRequest, partyToSign, splitEvenly, technicalAmountFen, upsertNewestFirst,
} from './logic';
import { inquiringOrganisations, partyRoles } from './parties';
import OfferForm, { MilestoneSum } from './OfferForm';
import texts from '../../i18n/features/deals';

// antd's text areas and selects watch their size; jsdom has no ResizeObserver.
if (!('ResizeObserver' in globalThis)) {
  (globalThis as Record<string, unknown>).ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
}

afterEach(cleanup);

const money = (amountFen: number) => ({ amountFen, currency: 'CNY' });

describe('milestones must add up to the price', () => {
  it('compares in fen, without floating-point drift', () => {
    const check = checkMilestones('0.3', [{ amountYuan: '0.1' }, { amountYuan: '0.2' }]);
    expect(check).toMatchObject({ priceFen: 30, sumFen: 30, differenceFen: 0, ok: true });
  });

  it('reports a shortfall, an excess and rows without a valid amount', () => {
    expect(checkMilestones('500000', [{ amountYuan: '100000' }, { amountYuan: '300000' }])).toMatchObject({ differenceFen: 10_000_000, ok: false });
    expect(checkMilestones('1000', [{ amountYuan: '600' }, { amountYuan: '600' }])).toMatchObject({ differenceFen: -20_000, ok: false });
    expect(checkMilestones('1000', [{ amountYuan: '1000' }, { amountYuan: 'abc' }, { amountYuan: '0' }])).toMatchObject({ invalidRows: [1, 2], ok: false });
    expect(checkMilestones('1000', [])).toMatchObject({ ok: false });
    expect(checkMilestones(undefined, [{ amountYuan: '1' }])).toMatchObject({ priceFen: null, ok: false });
  });

  it('splits a price evenly with the remainder on the last milestone', () => {
    expect(splitEvenly(100_001, 3)).toEqual([33_333, 33_333, 33_335]);
    expect(splitEvenly(100_001, 3).reduce((a, b) => a + b, 0)).toBe(100_001);
    expect(splitEvenly(0, 2)).toEqual([]);
  });

  it('says in words whether the milestones fit', () => {
    void i18n.changeLanguage('zh-CN');
    const { rerender } = render(<MilestoneSum priceYuan="1000" milestones={[{ amountYuan: '400' }, { amountYuan: '500' }]} />);
    expect(screen.getByTestId('milestone-sum').textContent).toBe('节点合计 ¥900.00，比总价少 ¥100.00。');
    rerender(<MilestoneSum priceYuan="1000" milestones={[{ amountYuan: '400' }, { amountYuan: '600' }]} />);
    expect(screen.getByTestId('milestone-sum').textContent).toBe('节点合计 ¥1,000.00，与总价一致。');
  });
});

describe('the offer request', () => {
  it('is what the API expects: fen, sequences 1..n, a subtype only where the type has them, expiry at the end of the day in China', () => {
    const body = offerRequest({
      priceYuan: '500,000', contractType: 'TECHNICAL_CONSULTING', contractSubtype: 'GENERAL', scope: ' 咨询 ', termMonths: 6, expiresAt: '2030-01-31',
      milestones: [{ title: ' 预付 ', amountYuan: '200000', dueDate: '2030-02-01' }, { title: '尾款', amountYuan: '300000.5', dueDate: '2030-06-01' }],
    });
    expect(body).toEqual({
      price: { amountFen: 50_000_000, currency: 'CNY' },
      milestones: [
        { sequence: 1, title: '预付', amount: { amountFen: 20_000_000, currency: 'CNY' }, dueDate: '2030-02-01' },
        { sequence: 2, title: '尾款', amount: { amountFen: 30_000_050, currency: 'CNY' }, dueDate: '2030-06-01' },
      ],
      contractType: 'TECHNICAL_CONSULTING', contractSubtype: null, scope: '咨询', termMonths: 6, expiresAt: '2030-01-31T23:59:59+08:00',
    });
    expect(offerRequest({ contractType: 'TECHNOLOGY_TRANSFER', contractSubtype: 'PATENT_RIGHT' }).contractSubtype).toBe('PATENT_RIGHT');
  });

  it('starts a counter-offer from the open offer, with a fresh expiry', () => {
    const offer = { price: money(50_000_050), redacted: false, milestones: [{ sequence: 1, title: 'A', amount: money(50_000_050), dueDate: '2030-01-01' }],
      contractType: 'TECHNOLOGY_TRANSFER', contractSubtype: 'PATENT_RIGHT', scope: 'S', termMonths: 12 } as unknown as Offer;
    const input = counterInput(offer, new Date('2030-01-10T00:00:00Z'));
    expect(input).toMatchObject({ priceYuan: '500000.50', milestones: [{ title: 'A', amountYuan: '500000.50', dueDate: '2030-01-01' }], expiresAt: '2030-01-24' });
    expect(counterInput({ ...offer, redacted: true, price: null }).priceYuan).toBeUndefined();
  });
});

describe('the offer form', () => {
  it('keeps the send button off until the milestones add up, then sends the request', async () => {
    void i18n.changeLanguage('zh-CN');
    const submit = vi.fn().mockResolvedValue(undefined);
    render(<OfferForm submit={submit} initial={{
      priceYuan: '1000', contractType: 'TECHNICAL_CONSULTING', scope: '咨询', termMonths: 3, expiresAt: '2099-01-01',
      milestones: [{ title: '一期', amountYuan: '400', dueDate: '2099-02-01' }, { title: '二期', amountYuan: '500', dueDate: '2099-03-01' }],
    }} />);
    const send = screen.getByTestId('send-offer');
    await waitFor(() => expect(screen.getByTestId('milestone-sum').textContent).toContain('少 ¥100.00'));
    expect((send as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('split-evenly'));
    await waitFor(() => expect(screen.getByTestId('milestone-sum').textContent).toContain('与总价一致'));
    expect((send as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(send);
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit.mock.calls[0][0].milestones.map((m: { amount: { amountFen: number } }) => m.amount.amountFen)).toEqual([50_000, 50_000]);
  });

  it('shows an API refusal of the form in words', async () => {
    const { ApiError } = await import('../../api/problem');
    const submit = vi.fn().mockRejectedValue(new ApiError(409, { status: 409, title: 'x', requestId: 'req-1' }));
    render(<OfferForm submit={submit} initial={{ priceYuan: '10', contractType: 'TECHNICAL_CONSULTING', scope: 's', termMonths: 1, expiresAt: '2099-01-01',
      milestones: [{ title: 'a', amountYuan: '10', dueDate: '2099-01-02' }] }} />);
    fireEvent.click(screen.getByTestId('send-offer'));
    await waitFor(() => expect(screen.getByTestId('form-errors').textContent).toContain('该信息已被他人修改或当前状态不允许此操作'));
    expect(screen.getByTestId('form-errors').textContent).toContain('req-1');
  });
});

describe('who may do what in a room', () => {
  const room = (over: Partial<Negotiation> = {}) => ({
    status: 'OPEN', yourSide: 'BUYER', youMayAct: true, nda: { required: false, acknowledged: false },
    holderOrganisationId: 'u', inquirerOrganisationId: 'e', sellerOrganisationId: 'u', buyerOrganisationId: 'e', ...over,
  }) as Negotiation;

  it('lets the other side accept, decline or counter, and the maker withdraw or revise', () => {
    expect(offerMoves(room(), { status: 'OPEN', madeBySide: 'SELLER' })).toEqual(['accept', 'decline', 'counter']);
    expect(offerMoves(room(), { status: 'OPEN', madeBySide: 'BUYER' })).toEqual(['withdraw', 'counter']);
    expect(offerMoves(room(), null)).toEqual(['counter']);
  });

  it('offers nothing in an agreed room, to a member, to the broker or before the NDA', () => {
    expect(offerMoves(room({ status: 'AGREED' }), null)).toEqual([]);
    expect(offerMoves(room({ youMayAct: false }), null)).toEqual([]);
    expect(offerMoves(room({ yourSide: 'BROKER' }), null)).toEqual([]);
    expect(offerMoves(room({ nda: { required: true, acknowledged: false } as Negotiation['nda'] }), null)).toEqual([]);
  });

  it('asks only the inquirer to acknowledge a required NDA', () => {
    const nda = { required: true, acknowledged: false } as Negotiation['nda'];
    expect(mustAcknowledgeNda(room({ nda }))).toBe(true);
    expect(mustAcknowledgeNda(room({ nda, yourSide: 'SELLER' }))).toBe(false);
    expect(mustAcknowledgeNda(room({ nda: { ...nda, acknowledged: true } }))).toBe(false);
  });
});

describe('contract moves follow the status and the caller\'s role', () => {
  const contract = (status: string, signed: ('SELLER' | 'BUYER')[] = []) =>
    ({ status, signatures: signed.map((party) => ({ party, subject: 's', reason: null, at: '' })) }) as unknown as Contract;

  it('lets editors complete a draft and send it; only an OWNER signs, once per party', () => {
    expect(contractMoves(contract('DRAFT'), { SELLER: 'EDITOR' }, false)).toEqual(['edit', 'signatureRequest']);
    expect(contractMoves(contract('DRAFT'), { SELLER: 'MEMBER' }, false)).toEqual([]);
    expect(contractMoves(contract('AWAITING_SIGNATURES'), { BUYER: 'OWNER' }, false)).toEqual(['revision', 'sign']);
    expect(contractMoves(contract('AWAITING_SIGNATURES'), { BUYER: 'EDITOR' }, false)).toEqual(['revision']);
    expect(contractMoves(contract('AWAITING_SIGNATURES', ['BUYER']), { BUYER: 'OWNER' }, false)).toEqual(['revision']);
    expect(partyToSign(contract('AWAITING_SIGNATURES', ['SELLER']), { SELLER: 'OWNER', BUYER: 'OWNER' })).toBe('BUYER');
    expect(contractMoves(contract('SIGNED'), { SELLER: 'OWNER' }, false)).toEqual(['submission']);
  });

  it('gives the admin the registration desk for a submitted contract only', () => {
    expect(contractMoves(contract('SUBMITTED'), {}, true)).toEqual(['register', 'reject']);
    expect(contractMoves(contract('SUBMITTED'), { SELLER: 'OWNER' }, false)).toEqual([]);
    expect(contractMoves(contract('REGISTERED'), {}, true)).toEqual([]);
    expect(contractStep('REJECTED')).toBe(contractStep('REGISTERED'));
    expect(contractStep('DRAFT')).toBe(0);
  });

  it('finds the caller\'s role in each party and who may inquire', () => {
    const memberships = [
      { role: 'OWNER', organisation: { id: 'u' } }, { role: 'MEMBER', organisation: { id: 'x' } }, { role: 'EDITOR', organisation: { id: 'e' } },
    ] as never;
    expect(partyRoles('u', 'e', memberships)).toEqual({ SELLER: 'OWNER', BUYER: 'EDITOR' });
    expect(inquiringOrganisations('u', memberships).map((m) => m.organisation.id)).toEqual(['e']);
  });
});

describe('registration fields', () => {
  it('become the PUT body: deductions in fen, transfer-only amounts only for a transfer', () => {
    const input = { projectName: ' 项目 ', contractType: 'TECHNOLOGY_TRANSFER', contractSubtype: 'PATENT_RIGHT', technologyField: 'AGRICULTURE',
      ipInvolvement: ['PATENT'], planSource: 'CITY_COUNTY', validFrom: '2030-01-01', validUntil: '2030-12-31',
      equipmentYuan: '10000', carrierSamplesYuan: '100', expectedNewInvestmentYuan: '2000000', expectedNewOutputValueYuan: '' };
    const body = contractFieldsBody(input, 3);
    expect(body).toMatchObject({
      version: 3, projectName: '项目', contractSubtype: 'PATENT_RIGHT',
      deductions: { equipment: money(1_000_000), instruments: null, carrierSamples: money(10_000) },
      expectedNewInvestment: money(200_000_000), expectedNewOutputValue: null,
    });
    expect(contractFieldsBody({ ...input, contractType: 'TECHNICAL_SERVICE' }, 3)).toMatchObject({ expectedNewInvestment: null, contractSubtype: 'PATENT_RIGHT' });
    expect(contractFieldsBody({ ...input, contractType: 'TECHNICAL_CONSULTING' }, 3).contractSubtype).toBeNull();
    expect(Object.keys(body).sort()).toEqual(['contractSubtype', 'contractType', 'deductions', 'expectedNewInvestment', 'expectedNewOutputValue',
      'ipInvolvement', 'planSource', 'projectName', 'technologyField', 'validFrom', 'validUntil', 'version']);
  });

  it('compute the technical transaction amount without carrier samples', () => {
    expect(technicalAmountFen(50_000_000, { equipmentYuan: '10000', rawMaterialsYuan: '5000', carrierSamplesYuan: '100' })).toBe(48_500_000);
    expect(technicalAmountFen(50_000_000, { partsYuan: 'x' })).toBeNull();
  });
});

describe('statistics chart data', () => {
  const bucket = (key: string, count: number, total: number, technical: number): Bucket =>
    ({ key, label: null, count, totalAmount: money(total), technicalTransactionAmount: money(technical) });

  it('fills all twelve months and converts fen to 万元', () => {
    const rows = monthRows(2026, [bucket('2026-03', 2, 123_456_789, 100_000_000)], (m) => `${m}月`);
    expect(rows).toHaveLength(12);
    expect(rows[2]).toEqual({ key: '2026-03', label: '3月', count: 2, totalWan: 123.46, technicalWan: 100 });
    expect(rows[0]).toMatchObject({ count: 0, totalWan: 0 });
  });

  it('labels each group in the current language', () => {
    expect(chartRows([bucket('AGRICULTURE', 1, 1_000_000, 1_000_000)], (b) => `L:${b.key}`)).toEqual([
      { key: 'AGRICULTURE', label: 'L:AGRICULTURE', count: 1, totalWan: 1, technicalWan: 1 },
    ]);
    expect(chartRows(undefined, () => '')).toEqual([]);
  });

  it('merges a live match into the queue newest first without duplicates', () => {
    const a = { id: 'a', createdAt: '2030-01-01T00:00:00Z' };
    const b = { id: 'b', createdAt: '2030-01-02T00:00:00Z' };
    expect(upsertNewestFirst([a], [b, { ...a }]).map((x) => x.id)).toEqual(['b', 'a']);
  });
});

describe('texts', () => {
  it('name every contract status, type and subtype in both languages', () => {
    for (const language of [texts.zhCN.deals, texts.en.deals]) {
      expect(Object.keys(language.contract.status)).toEqual(['DRAFT', 'AWAITING_SIGNATURES', 'SIGNED', 'SUBMITTED', 'REGISTERED', 'REJECTED', 'IN_PERFORMANCE', 'COMPLETED', 'TERMINATED']);
      expect(Object.keys(language.contractType)).toHaveLength(5);
    }
    expect(i18n.getFixedT('zh-CN')('deals.contract.status.REJECTED')).toBe('未予登记');
    expect(i18n.getFixedT('en')('deals.contract.status.REJECTED')).toBe('Not registered');
  });
});
