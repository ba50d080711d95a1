// One entry for every call that crosses into the engine, from IPC or HTTP: the method must be in
// the contract and its arguments must fit its schema, or the call is refused before the engine
// sees it.

import { ApiError, type ClausewayApi } from '../../../shared/api.ts';
import { checkArgs, isApiMethod } from '../../../shared/api-schemas.ts';

export async function dispatch(api: ClausewayApi, method: unknown, args: unknown): Promise<unknown> {
  if (!isApiMethod(method)) throw new ApiError(`unknown method ${JSON.stringify(method)}`);
  const checked = checkArgs(method, args);
  // The contract ties each method to its argument tuple; TypeScript cannot follow the pairing here.
  return (api as unknown as Record<typeof method, (...a: unknown[]) => Promise<unknown>>)[method](...checked);
}
