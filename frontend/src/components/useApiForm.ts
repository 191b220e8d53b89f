import { useState } from 'react';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, problemToFieldErrors, type FieldProblem } from '../api/problem';
import { problemWords } from './States';

/**
 * Shows an API refusal on a form: field errors beside their fields (problem+json errors[]), the rest
 * (and errors of other kinds) in words above the form.
 */
export function useApiForm(form: FormInstance, known: string[], aliases: Record<string, string> = {}) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState<{ message: string; details: string[]; requestId?: string } | null>(null);
  const describe = (error: FieldProblem) => error.message && !error.message.startsWith('problem.') ? error.message : `${t('problem.validation-failed')} (${error.code})`;
  return {
    summary,
    clear: () => setSummary(null),
    show: (error: unknown) => {
      if (error instanceof ApiError && error.problem.errors?.length) {
        const mapped = problemToFieldErrors(error.problem, known, aliases, describe);
        form.setFields(mapped.fields.map((field) => ({ name: field.name as never, errors: field.errors })));
        setSummary({
          message: t('form.formErrors'),
          details: mapped.unmatched.map((unmatched) => `${unmatched.field}: ${describe(unmatched)}`),
          requestId: error.problem.requestId,
        });
        const firstField = mapped.fields[0]?.name;
        if (firstField) form.scrollToField(firstField as never, { block: 'center', focus: true });
      } else {
        const words = problemWords(error, t);
        setSummary({ message: words.message, details: [], requestId: words.requestId });
      }
    },
  };
}
