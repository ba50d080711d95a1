// Files that are not text, known by their first bytes, whatever their names say. Each is named in
// the refusal with what to do instead: a user who picked a PDF learns it is a PDF, not that its
// encoding is unknown. An ASCII-only PDF would otherwise decode as text and be imported as PDF syntax.

interface Signature {
  magic: readonly number[];
  /** The format's name, for a refusal in another language. */
  format: string;
  /** The refusal: what the file is and what to import instead. */
  problem: string;
}

const ascii = (s: string): number[] => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));

const SIGNATURES: readonly Signature[] = [
  { magic: ascii('%PDF-'), format: 'PDF', problem: 'this is a PDF file, not text; Clauseway does not read PDFs: copy or export its text (or convert it to Markdown) and import that' },
  { magic: [0x50, 0x4b, 0x03, 0x04], format: 'ZIP', problem: 'this is a ZIP archive, not text; unpack it and import the files it holds (a Word document must be named .docx)' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], format: 'Word .doc', problem: 'this is an old Word .doc (or Excel .xls) file; save it as .docx or as text and import that' },
  { magic: ascii('{\\rtf'), format: 'RTF', problem: 'this is an RTF file; save it as .docx or as text and import that' },
  { magic: [0x89, 0x50, 0x4e, 0x47], format: 'PNG', problem: 'this is a PNG image, not text' },
  { magic: [0xff, 0xd8, 0xff], format: 'JPEG', problem: 'this is a JPEG image, not text' },
  { magic: ascii('GIF8'), format: 'GIF', problem: 'this is a GIF image, not text' },
  { magic: [0x1f, 0x8b], format: 'gzip', problem: 'this is a gzip archive, not text; unpack it and import the files it holds' },
  { magic: ascii('7z\xbc\xaf\x27\x1c'), format: '7-Zip', problem: 'this is a 7-Zip archive, not text; unpack it and import the files it holds' },
  { magic: ascii('Rar!'), format: 'RAR', problem: 'this is a RAR archive, not text; unpack it and import the files it holds' },
];

/** Why the bytes are no text file, when their first bytes say what they are; else null. */
export function notTextReason(bytes: Uint8Array): { problem: string; format: string } | null {
  for (const { magic, problem, format } of SIGNATURES) {
    if (magic.length <= bytes.length && magic.every((b, i) => bytes[i] === b)) return { problem, format };
  }
  return null;
}
