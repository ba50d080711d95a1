// Word documents (.docx): mammoth turns the document into HTML (headings as h1–h6, bold runs as
// <strong>, tables as tables), which then takes the path every HTML file takes (blocks.ts), so a
// Word file is read by the same rules as a web page. Images are dropped (the reader keeps text
// only) and nothing outside the file is ever fetched.

import mammoth from 'mammoth';
import type { Decoded } from './decode.ts';
import { IngestError } from './errors.ts';

export const DOCX = /\.docx$/i;

/** A ZIP file starts with "PK\x03\x04"; a .docx is one. */
const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/** The document's text as an HTML page, with mammoth's warnings that matter to a reader. */
export async function readDocx(file: string, bytes: Uint8Array): Promise<Decoded> {
  if (bytes.length === 0) throw new IngestError(file, 'the file is empty', 'empty');
  if (!isZip(bytes)) throw new IngestError(file, 'this is not a Word document (.docx files are ZIP archives; this one is not); save it from Word as .docx and import it again', 'not-word');
  let result;
  try {
    result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { convertImage: noImages, externalFileAccess: false });
  } catch (e) {
    throw new IngestError(file, `this is not a readable Word document (${(e as Error).message.split('\n')[0] ?? 'unknown error'}); save it from Word as .docx and import it again`, 'word-unreadable');
  }
  const html = result.value.replace(/<img[^>]*>/g, '');
  if (!/[^\s<>]/.test(html.replace(/<[^>]*>/g, ''))) throw new IngestError(file, 'the Word document holds no text', 'word-no-text');
  // Unrecognised styles are mammoth's most common message and change nothing a reader sees.
  const warnings = result.messages.filter((m) => m.type === 'error').map((m) => `the Word document could not be read whole: ${m.message}`);
  // A whole page, so that the HTML reader (not the Markdown one) takes it whatever the file's name.
  return { text: `<!DOCTYPE html><html><body>${html}</body></html>`, encoding: 'utf-8', warnings };
}
