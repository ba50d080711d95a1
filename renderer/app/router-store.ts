// What is on screen, as the address says it (route.ts): the route store follows the address
// (back, forward, a link typed in) and navigation writes the address.

import { createStore, type Store } from '../common/store.ts';
import { formatRoute, parseRoute, type Route } from './route.ts';

/** The page's address fragment; in the page it is location.hash and history. */
export interface Address {
  hash: () => string;
  push: (hash: string) => void;
  replace: (hash: string) => void;
  /** Calls back when the reader changes the address (hashchange); returns how to stop. */
  listen: (onChange: () => void) => () => void;
}

export interface Router extends Pick<Store<Route>, 'get' | 'subscribe'> {
  /** Shows a route and records it in the address (a new history entry, or in place). */
  navigate: (route: Route, replace?: boolean) => void;
  /**
   * Records in the address where the reader is, without showing anything anew: a pane scrolled to
   * another clause keeps its place, and a reload or a copied address comes back to it.
   */
  record: (route: Route) => void;
  /** Where the address says the reader is: the route shown, with what `record` wrote since. */
  recorded: () => Route;
}

export function createRouter(address: Address): Router {
  const store = createStore<Route>(parseRoute(address.hash()));
  address.listen(() => store.set(parseRoute(address.hash())));
  return {
    get: store.get,
    subscribe: store.subscribe,
    navigate: (route, replace = false) => {
      const hash = formatRoute(route);
      if (hash === address.hash()) return;
      if (replace) address.replace(hash);
      else address.push(hash);
      store.set(route);
    },
    record: (route) => {
      const hash = formatRoute(route);
      if (hash !== address.hash()) address.replace(hash);
    },
    recorded: () => parseRoute(address.hash()),
  };
}
