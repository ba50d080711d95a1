// One entry for every call that crosses into the engine, from IPC or HTTP: the method must be in
// the table and its arguments must fit its schema, or the call is refused before the engine sees
// it, with the same message on either path.

import { ApiError } from '../../../shared/api.ts';
import { checkArgs, isApiMethod, type ClausewayApi } from '../../../shared/api-table.ts';
import { callMethod } from './forward.ts';

export async function dispatch(api: ClausewayApi, method: unknown, args: unknown): Promise<unknown> {
  if (!isApiMethod(method)) throw new ApiError(`unknown method ${JSON.stringify(method)}`);
  return callMethod(api, method, checkArgs(method, args));
}
