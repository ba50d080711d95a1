// Exporting a brief from the window. The engine writes the file (docx, html, md; pdf where it can)
// and hands back its bytes; the page saves them as a download, which the desktop app turns into
// its save dialog. Browser mode's PDF is the page's own print view of the preview.

import type { BriefExportResult, BriefFormat, ClausewayApi } from '../../shared/api.ts';

/** The bytes of a base64 string. */
export function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** Saves an export's bytes as a download named as the engine proposes. */
export function download(result: BriefExportResult): void {
  if (result.base64 === null) return;
  const url = URL.createObjectURL(new Blob([bytesOf(result.base64)], { type: result.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = result.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // After the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Exports and downloads; answers the file's name. */
export async function exportToDownload(api: Pick<ClausewayApi, 'exportBrief'>, id: string, format: BriefFormat): Promise<string> {
  const result = await api.exportBrief({ id, format });
  download(result);
  return result.fileName;
}
