// Calling the contract by a method's name, and objects that answer every method by handing the
// call on, built from the method table so that no method is written out by hand twice.

import { API_METHODS, type ApiMethod, type ClausewayApi } from '../../../shared/api-table.ts';

/** Calls `method` of `api` with arguments already checked against the table (dispatch.ts). */
export function callMethod(api: ClausewayApi, method: ApiMethod, args: readonly unknown[]): Promise<unknown> {
  // The table ties each method to its argument tuple; TypeScript cannot follow the pairing here.
  const f = api[method] as unknown as (...a: unknown[]) => Promise<unknown>;
  return f.call(api, ...args);
}

/**
 * The base of a class whose instances have every method of the contract, each handing its call
 * to `forward(method, args)`. A subclass writes `forward`, and overrides, as arrow-function
 * properties, only the methods that behave otherwise.
 */
abstract class Forwarding {
  protected abstract forward(method: ApiMethod, args: unknown[]): Promise<unknown>;

  static {
    for (const method of API_METHODS) {
      Object.defineProperty(this.prototype, method, {
        value: function (this: Forwarding, ...args: unknown[]): Promise<unknown> {
          return this.forward(method, args);
        },
      });
    }
  }
}

// The static block above puts every method of the table on the prototype; this says so to TypeScript.
export const ForwardingApi = Forwarding as abstract new () => Forwarding & ClausewayApi;
