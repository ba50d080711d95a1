// The page's units store, over the engine.

import { api } from '../api/client.ts';
import { useStore } from '../common/store.ts';
import { library } from '../library/library.ts';
import { createUnits, type UnitsState } from './units-store.ts';

export const units = createUnits(api, library);
export const useUnits = (): UnitsState => useStore(units);
