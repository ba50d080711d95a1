// The page's router: the route store over location.hash and history.

import { createRouter } from './router-store.ts';

export const router = createRouter({
  hash: () => location.hash,
  push: (hash) => history.pushState(null, '', hash),
  replace: (hash) => history.replaceState(null, '', hash),
  listen: (onChange) => {
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  },
});
