import { describe, expect, it } from 'vitest';
import { ApiError, fieldPath, problemKind, problemToFieldErrors, PROBLEM_BASE } from './problem';
import { ACHIEVEMENT_ALIASES } from '../pages/AchievementFormPage';
import { DEMAND_ALIASES } from '../pages/DemandFormPage';

describe('fieldPath', () => {
  it('turns the API JSON path into a form name path', () => {
    expect(fieldPath('title')).toEqual(['title']);
    expect(fieldPath('ip.patents[0].applicationNumber')).toEqual(['ip', 'patents', 0, 'applicationNumber']);
    expect(fieldPath('milestones[2].amount.amountFen')).toEqual(['milestones', 2, 'amount', 'amountFen']);
  });

  it('applies the longest alias first', () => {
    expect(fieldPath('askingPrice.amountFen', ACHIEVEMENT_ALIASES)).toEqual(['askingPriceYuan', 'amountFen']);
    expect(fieldPath('ip.patents[1].applicationNumber', ACHIEVEMENT_ALIASES)).toEqual(['patents', 1, 'applicationNumber']);
    expect(fieldPath('budget.min', DEMAND_ALIASES)).toEqual(['budgetMinYuan']);
    expect(fieldPath('budget', DEMAND_ALIASES)).toEqual(['budgetNegotiable']);
    expect(fieldPath('challenge.bounty.amountFen', DEMAND_ALIASES)).toEqual(['bountyYuan', 'amountFen']);
  });
});

describe('problemToFieldErrors', () => {
  const known = ['title', 'askingPriceYuan', 'patents', 'transferModes'];

  it('puts each error beside its field, the nearest known parent, or above the form', () => {
    const mapped = problemToFieldErrors({
      type: `${PROBLEM_BASE}validation-failed`,
      errors: [
        { field: 'title', code: 'not-blank', message: '不能为空' },
        { field: 'askingPrice.amountFen', code: 'positive-or-zero', message: '不能小于 0' },
        { field: 'ip.patents[0].applicationNumber', code: 'patent-number', message: '专利申请号格式不正确' },
        { field: 'ip.patents[1].applicationNumber', code: 'patent-number', message: '专利申请号格式不正确' },
        { field: 'organisationId', code: 'not-null', message: '必须填写' },
      ],
    }, known, ACHIEVEMENT_ALIASES);
    expect(mapped.fields).toEqual([
      { name: ['title'], errors: ['不能为空'] },
      { name: ['askingPriceYuan'], errors: ['不能小于 0'] },
      { name: ['patents'], errors: ['专利申请号格式不正确'] },
    ]);
    expect(mapped.unmatched.map((error) => error.field)).toEqual(['organisationId']);
  });

  it('uses the describer for words and copes with no errors', () => {
    const mapped = problemToFieldErrors({ errors: [{ field: 'title', code: 'size' }] }, known, {}, (error) => `code ${error.code}`);
    expect(mapped.fields[0].errors).toEqual(['code size']);
    expect(problemToFieldErrors(undefined, known)).toEqual({ fields: [], unmatched: [] });
  });
});

describe('problemKind', () => {
  it('prefers the stable problem type, then the status', () => {
    expect(problemKind(422, `${PROBLEM_BASE}validation-failed`)).toBe('validation-failed');
    expect(problemKind(409, `${PROBLEM_BASE}conflict`)).toBe('conflict');
    expect(problemKind(503, 'about:blank')).toBe('service-unavailable');
    expect(problemKind(412)).toBe('conflict');
    expect(problemKind(0)).toBe('offline');
    expect(problemKind(500)).toBe('internal-error');
  });

  it('keeps the problem and Retry-After on ApiError', () => {
    const error = new ApiError(429, { title: '请求过多', requestId: 'r-1' }, 5);
    expect(error.kind).toBe('too-many-requests');
    expect(error.retryAfterSeconds).toBe(5);
    expect(error.message).toBe('请求过多');
  });
});
