// The argument schemas of the API contract (api.ts), checked at the boundary of the engine: by the
// IPC handlers in the desktop app and by the HTTP server in browser mode.

import { z } from 'zod';
import { ApiError, type ApiMethod, type ClausewayApi } from './api.ts';

const docId = z.string().regex(/^[0-9a-f]{12}$/, 'a document id is 12 hexadecimal characters');
const clauseId = z.string().regex(/^[0-9a-f]{12}-[0-9a-f]{10}$/, 'a clause id is a document id, a dash and 10 hexadecimal characters');
const filters = z
  .object({
    jurisdiction: z.string().max(40).optional(),
    level: z.enum(['national', 'province', 'sar', 'city', 'district']).optional(),
    kind: z.enum(['policy', 'notice', 'news']).optional(),
    yearFrom: z.number().int().min(1900).max(2100).optional(),
    yearTo: z.number().int().min(1900).max(2100).optional(),
    docId: docId.optional(),
  })
  .strict();
const searchOptions = z.object({ limit: z.number().int().min(1).max(5000).optional(), filters: filters.optional(), count: z.boolean().optional() }).strict();

/** The arguments each method accepts, checked at the boundary. */
export const API_SCHEMAS = {
  status: z.tuple([]),
  listDocuments: z.tuple([]),
  getDocument: z.tuple([docId]),
  getClause: z.tuple([clauseId]),
  search: z.tuple([z.string().max(500), searchOptions.optional()]),
  setLanguage: z.tuple([z.enum(['zh', 'en'])]),
} satisfies { [K in ApiMethod]: z.ZodType<Parameters<ClausewayApi[K]>> };

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(API_SCHEMAS, name);
}

/** Checks a call's arguments against the contract; throws ApiError when they do not fit. */
export function checkArgs<M extends ApiMethod>(method: M, args: unknown): Parameters<ClausewayApi[M]> {
  const result = API_SCHEMAS[method].safeParse(args);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ApiError(`${method}: invalid arguments (${issue ? `${issue.path.join('.') || 'arguments'}: ${issue.message}` : 'unexpected shape'})`);
  }
  return result.data as Parameters<ClausewayApi[M]>;
}
