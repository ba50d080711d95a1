// A refusal (or a duplicate) in the interface's language: the engine's reason code with its values
// put into the table's sentence; the engine's English sentence where it has no code of its own.

import type { ImportItem } from '../../shared/api.ts';
import type { Messages } from '../../shared/i18n.ts';

export function reasonText(m: Messages, item: Pick<ImportItem, 'reason' | 'why'>): string | null {
  const sentence = item.why ? m.importReasons[item.why.code] : '';
  if (!item.why || sentence === '') return item.reason;
  const { params } = item.why;
  return sentence.replace(/\{(\w+)\}/g, (all, key: string) => (key in params ? String(params[key]) : all));
}
