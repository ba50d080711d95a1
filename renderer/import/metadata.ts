// Which document's metadata form is open (from the import summary or a pane's header).

import { createStore } from '../common/store.ts';

export const metadataForm = createStore<string | null>(null);

export const editMetadata = (docId: string): void => metadataForm.set(docId);
export const closeMetadata = (): void => metadataForm.set(null);
