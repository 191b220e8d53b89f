import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { navItems } from './Shell';
import { achievementActions, demandActions } from './LifecycleActions';
import { FormSummary } from './FormSummary';
import { importPercent } from '../pages/Imports';
import { detailPath, searchItemPrice, searchQuery } from '../pages/Search';
import i18n from '../i18n';

describe('the menu follows the roles', () => {
  const keys = (roles: Parameters<typeof navItems>[0], signedIn: boolean) => navItems(roles, signedIn).map((item) => item.key);

  it('shows anonymous visitors only the public market', () => {
    // Features add public pages (instruments, the blacklist); nothing that needs a sign-in shows.
    expect(keys([], false).slice(0, 5)).toEqual(['/', '/search', '/achievements', '/demands', '/packages']);
    expect(keys([], false)).toEqual(expect.arrayContaining(['/instruments', '/blacklist', '/service-offers']));
    expect(keys([], false)).not.toEqual(expect.arrayContaining(['/me/bookings']));
    expect(keys([], false).filter((key) => key.startsWith('/me') || key.startsWith('/admin'))).toEqual([]);
  });

  it('gives universities posting and bulk import, enterprises demands, admins the review queue', () => {
    expect(keys(['UNIVERSITY'], true)).toEqual(expect.arrayContaining(['/achievements/new', '/me/organisation/imports', '/me/organisation']));
    expect(keys(['UNIVERSITY'], true)).not.toContain('/admin/moderation');
    expect(keys(['ENTERPRISE'], true)).toEqual(expect.arrayContaining(['/demands/new', '/me/organisation']));
    expect(keys(['ENTERPRISE'], true)).not.toContain('/achievements/new');
    expect(keys(['ADMIN'], true)).toEqual(expect.arrayContaining(['/admin/moderation', '/admin/registration', '/statistics']));
    expect(keys(['BROKER'], true)).toContain('/broker');
    expect(keys(['ADMIN'], true)).toContain('/admin/blacklist');
    expect(keys(['ENTERPRISE'], true)).toEqual(expect.arrayContaining(['/me/bookings', '/me/engagements']));
    expect(keys(['ENTERPRISE'], true)).not.toContain('/admin/blacklist');
  });

  it('shows service requests to enterprises, commissioners and the bureau only', () => {
    expect(keys(['ENTERPRISE'], true)).toContain('/service-requests');
    expect(keys(['COMMISSIONER'], true)).toContain('/service-requests');
    expect(keys(['ADMIN'], true)).toContain('/service-requests');
    expect(keys(['UNIVERSITY'], true)).not.toContain('/service-requests');
    expect(keys([], false)).not.toContain('/service-requests');
  });
});

describe('lifecycle actions offered', () => {
  it('match the achievement life cycle', () => {
    expect(achievementActions('DRAFT', true, false)).toEqual(['submission', 'archival']);
    expect(achievementActions('SUBMITTED', true, false)).toEqual(['withdrawal']);
    expect(achievementActions('SUBMITTED', false, true)).toEqual(['publication', 'rejection']);
    expect(achievementActions('PUBLISHED', false, true)).toEqual(['withdrawal']);
    expect(achievementActions('PUBLISHED', false, false)).toEqual([]);
    expect(achievementActions('ARCHIVED', true, true)).toEqual([]);
  });

  it('match the demand life cycle', () => {
    expect(demandActions('OPEN', true, false)).toEqual(['negotiation', 'closure']);
    expect(demandActions('IN_NEGOTIATION', true, false)).toEqual(['solution', 'reopening', 'closure']);
    expect(demandActions('OPEN', false, true)).toEqual(['closure']);
    expect(demandActions('CLOSED', true, true)).toEqual([]);
  });
});

describe('search parameters', () => {
  it('send the query, facets, sort and cursor to /api/search', () => {
    const params = new URLSearchParams('q=%E9%A9%AC%E9%93%83%E8%96%AF&type=ACHIEVEMENT&type=DEMAND&region=620825&sort=newest&junk=1');
    const query = new URLSearchParams(searchQuery(params, 'abc'));
    expect(query.get('q')).toBe('马铃薯');
    expect(query.getAll('type')).toEqual(['ACHIEVEMENT', 'DEMAND']);
    expect(query.get('region')).toBe('620825');
    expect(query.get('sort')).toBe('newest');
    expect(query.get('cursor')).toBe('abc');
    expect(query.get('junk')).toBeNull();
  });

  it('open each result type on its own page', () => {
    expect(detailPath('ACHIEVEMENT', '1')).toBe('/achievements/1');
    expect(detailPath('DEMAND', '2')).toBe('/demands/2');
    expect(detailPath('PACKAGE', '3')).toBe('/packages/3');
  });
});

describe('import progress', () => {
  it('is a percentage of the rows processed', () => {
    expect(importPercent({ status: 'QUEUED', totalRows: null, processedRows: 0 })).toBe(0);
    expect(importPercent({ status: 'RUNNING', totalRows: 200, processedRows: 50 })).toBe(25);
    expect(importPercent({ status: 'RUNNING', totalRows: 3, processedRows: 2 })).toBe(66);
    expect(importPercent({ status: 'COMPLETED', totalRows: 0, processedRows: 0 })).toBe(100);
  });
});

describe('<FormSummary>', () => {
  it('lists the errors that have no field, with the request id', async () => {
    await i18n.changeLanguage('en');
    render(<FormSummary summary={{ message: 'Please correct the marked fields', details: ['organisationId: required'], requestId: 'req-42' }} />);
    expect(screen.getByRole('alert').textContent).toContain('organisationId: required');
    expect(screen.getByRole('alert').textContent).toContain('req-42');
    await i18n.changeLanguage('zh-CN');
  });
});

describe('search hit prices', () => {
  const l = {
    t: (key: string, options?: Record<string, unknown>) => `${key}${options ? JSON.stringify(options) : ''}`,
    money: (money: { amountFen: number } | null | undefined) => (money ? `¥${money.amountFen / 100}` : null),
  } as unknown as Parameters<typeof searchItemPrice>[1];
  const hit = { type: 'ACHIEVEMENT', id: '1', version: 1, title: 't', summary: null } as const;

  it('show an asking price, a budget range, or negotiable', () => {
    expect(searchItemPrice({ ...hit, price: { amountFen: 50000000, negotiable: false } }, l)).toBe('¥500000');
    expect(searchItemPrice({ ...hit, price: { amountFen: null, negotiable: true } }, l)).toBe('listing.negotiable');
    expect(searchItemPrice({ ...hit, type: 'DEMAND', budget: { minFen: 100, maxFen: 200, negotiable: false } }, l))
      .toBe('listing.budgetRange{"min":"¥1","max":"¥2"}');
    expect(searchItemPrice({ ...hit, type: 'DEMAND', budget: { minFen: null, maxFen: 200, negotiable: false } }, l)).toBe('listing.upTo{"max":"¥2"}');
    expect(searchItemPrice({ ...hit, type: 'PACKAGE' }, l)).toBeNull();
  });
});
