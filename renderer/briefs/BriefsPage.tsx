// The briefs' part of the frame: the list at #/briefs, one brief at #/briefs/ID.

import type { ReactNode } from 'react';
import { router } from '../app/router.ts';
import { useSelect } from '../common/store.ts';
import { BriefsView } from './BriefsView.tsx';
import { BriefView } from './BriefView.tsx';

export function BriefsPage(): ReactNode {
  const id = useSelect(router, (r) => (r.view === 'brief' ? r.briefId : null));
  return id ? <BriefView key={id} id={id} /> : <BriefsView />;
}
