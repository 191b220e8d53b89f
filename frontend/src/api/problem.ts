/** RFC 9457 problem+json as the marketplace writes it. */
export interface FieldProblem {
  field: string;
  code: string;
  message?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  requestId?: string;
  errors?: FieldProblem[];
}

export const PROBLEM_BASE = 'https://techmarket.example/problems/';

/** Why a call failed, in a shape the UI can explain. `kind` drives the words shown to the user. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly kind: ProblemKind;
  readonly retryAfterSeconds?: number;

  constructor(status: number, problem: Problem, retryAfterSeconds?: number) {
    super(problem.title ?? problem.detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.kind = problemKind(status, problem.type);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export type ProblemKind =
  | 'offline'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'validation-failed'
  | 'malformed-request'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'too-many-requests'
  | 'service-unavailable'
  | 'internal-error';

const KINDS: ProblemKind[] = [
  'unauthorized', 'forbidden', 'not-found', 'conflict', 'validation-failed', 'malformed-request',
  'payload-too-large', 'unsupported-media-type', 'too-many-requests', 'service-unavailable', 'internal-error',
];

export function problemKind(status: number, type?: string): ProblemKind {
  if (status === 0) return 'offline';
  const named = type?.startsWith(PROBLEM_BASE) ? type.slice(PROBLEM_BASE.length) : undefined;
  if (named && (KINDS as string[]).includes(named)) return named as ProblemKind;
  switch (status) {
    case 401: return 'unauthorized';
    case 403: return 'forbidden';
    case 404: return 'not-found';
    case 405: return 'malformed-request';
    case 409: case 412: return 'conflict';
    case 400: return 'malformed-request';
    case 413: return 'payload-too-large';
    case 415: return 'unsupported-media-type';
    case 422: return 'validation-failed';
    case 429: return 'too-many-requests';
    case 502: case 503: case 504: return 'service-unavailable';
    default: return 'internal-error';
  }
}

/**
 * The JSON path the API names ("askingPrice.amountFen", "ip.patents[0].applicationNumber",
 * "budget.max") → an Ant Design form name path (["askingPrice", "amountFen"], ["ip", "patents", 0,
 * "applicationNumber"]). `aliases` maps an API path prefix to where the form keeps that value
 * (e.g. the form edits "askingPrice.amountFen" as "askingPriceYuan").
 */
export function fieldPath(field: string, aliases: Record<string, string> = {}): (string | number)[] {
  let path = field.trim();
  const alias = Object.keys(aliases)
    .sort((a, b) => b.length - a.length)
    .find((prefix) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`));
  if (alias) path = aliases[alias] + path.slice(alias.length);
  const parts: (string | number)[] = [];
  for (const piece of path.split('.')) {
    const re = /([^[\]]+)|\[(\d+)\]/g;
    let match: RegExpExecArray | null;
    while ((match = re.exec(piece)) !== null) {
      if (match[1] !== undefined) parts.push(match[1]);
      else parts.push(Number(match[2]));
    }
  }
  return parts;
}

export interface FormFieldErrors {
  /** For Form.setFields: every field with all its messages. */
  fields: { name: (string | number)[]; errors: string[] }[];
  /** Errors the form has no field for (shown above the form). */
  unmatched: FieldProblem[];
}

/**
 * problem+json errors[] → errors beside the form's fields. `known` lists the form's field names
 * (top-level); an error for a path the form does not show falls back to the nearest known parent,
 * and otherwise to the unmatched list. `describe` turns one error into words (usually the server's
 * message, which is already in the request's language).
 */
export function problemToFieldErrors(
  problem: Problem | undefined,
  known: string[],
  aliases: Record<string, string> = {},
  describe: (error: FieldProblem) => string = (error) => error.message ?? error.code,
): FormFieldErrors {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmatched: FieldProblem[] = [];
  for (const error of problem?.errors ?? []) {
    const path = fieldPath(error.field ?? '', aliases);
    let name = path;
    while (name.length > 0 && !known.includes(name.map(String).join('.'))) name = name.slice(0, -1);
    if (name.length === 0) {
      unmatched.push(error);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    const words = describe(error);
    if (!entry.errors.includes(words)) entry.errors.push(words);
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], unmatched };
}
