// The ingest pipeline: bytes → text → blocks → clean blocks → documents → clause trees + metadata.
// Pure apart from reading the file: the store decides what to keep.

import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { clauseId, documentId, localKeyOf, textHash } from '../model/identity.ts';
import type { ClauseRecord, DocumentRecord, ParsedSource } from '../model/records.ts';
import { decode, type Decoded } from './decode.ts';
import { readBlocks, type FrontMatter } from './blocks.ts';
import { IngestError, notAFileProblem, openProblem, openReason } from './errors.ts';
import type { ManifestDocument, ManifestFile } from './manifest.ts';
import { normalize, type NormalBlock } from './normalize.ts';
import { splitLongParagraphs } from './long-paragraphs.ts';
import { splitDocuments, type Segment } from './split.ts';
import { buildTree, signatureClause, splitSignature, type ParsedClause } from './structure.ts';
import { effectiveFromClosing, historyOf } from './history.ts';
import { cleanTitle, docNumberIn, isoDate, issuerFromTitle, issuerOfNumber, jurisdictionsOf, kindOf } from './metadata.ts';
import { validityOf } from './validity.ts';

/**
 * The version of the reading rules. Raise it whenever a change to ingest/ can read a file
 * differently: files stored by older rules are then parsed again on the next import (the seeds at
 * the next start), and identities are carried over (store/continuity.ts).
 */
export const PARSER_VERSION = 7;

/** Policy texts are kilobytes to a few megabytes; anything far larger is not one. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

const hash = (s: string | Uint8Array): string => createHash('sha256').update(s).digest('hex');

/**
 * Reads a file with a size check first, so a 200 MB file is refused before it is loaded. Opened
 * without blocking: a named pipe would otherwise wait for a writer forever; it is then refused.
 */
export function readSourceBytes(path: string): Uint8Array {
  let fd: number;
  try {
    // Windows has no O_NONBLOCK (undefined, which | reads as 0) and no named pipes in the file system.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const { code } = e as NodeJS.ErrnoException;
    throw new IngestError(path, openProblem(code), openReason(code));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new IngestError(path, notAFileProblem(st), 'not-a-file');
    if (st.size > MAX_FILE_BYTES) {
      throw new IngestError(path, `the file is ${(st.size / 1048576).toFixed(0)} MB; Clauseway imports text files of up to ${MAX_FILE_BYTES / 1048576} MB (a policy text is rarely over 2 MB)`, {
        code: 'too-large',
        params: { mb: Math.round(st.size / 1048576), limitMb: MAX_FILE_BYTES / 1048576 },
      });
    }
    const buf = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

interface DocDraft {
  title: string;
  attachment: string | null;
  blocks: NormalBlock[];
  meta: ManifestDocument;
}

function draftsFromManifest(name: string, blocks: NormalBlock[], mf: ManifestFile): DocDraft[] {
  const entries = mf.documents;
  const drafts: DocDraft[] = [];
  entries.forEach((e, i) => {
    if (e.line === undefined) throw new IngestError(name, `seeds manifest: document ${i + 1} has no line while others do`);
    const start = e.body ?? e.line + 1;
    const end = entries[i + 1]?.line ?? Number.POSITIVE_INFINITY;
    if (e.skip) return;
    if (!e.title) throw new IngestError(name, `seeds manifest: the document at line ${e.line} has no title`);
    drafts.push({ title: e.title, attachment: null, blocks: blocks.filter((b) => b.line >= start && b.line < end), meta: { ...mf.defaults, ...e } });
  });
  return drafts;
}

function draftsFromSegments(name: string, segments: Segment[], fm: FrontMatter | null, mf: ManifestFile | undefined): DocDraft[] {
  if (mf && mf.documents.length !== segments.length) {
    throw new IngestError(name, `seeds manifest lists ${mf.documents.length} documents but the file splits into ${segments.length}`);
  }
  return segments.map((s, i) => {
    const meta = { ...mf?.defaults, ...mf?.documents[i] };
    const found = s.title ?? fm?.title ?? basename(name).replace(/\.[^.]+$/, '');
    if (meta.expect && !found.replace(/\s/g, '').startsWith(meta.expect.replace(/\s/g, ''))) {
      throw new IngestError(name, `seeds manifest expects document ${i + 1} to be titled "${meta.expect}" but found "${found}"`);
    }
    return { title: found, attachment: s.attachment, blocks: s.blocks, meta };
  });
}

function countLabelled(clauses: ParsedClause[]): number {
  return clauses.reduce((n, c) => n + (c.label ? 1 : 0) + countLabelled(c.children), 0);
}

/** A document before it has an identity: its metadata and its clause tree. */
interface BuiltDocument extends Omit<DocumentRecord, 'id' | 'textSha' | 'clauses'> {
  tree: ParsedClause[];
}

function buildDocument(draft: DocDraft, fm: FrontMatter | null, isNewsPage: boolean): BuiltDocument {
  const { title: printedTitle, docNumber: titleNumber } = cleanTitle(draft.title);
  const baseTitle = draft.meta.title ?? printedTitle;
  const title = draft.attachment && !baseTitle.startsWith('附件') ? `${draft.attachment} ${baseTitle}` : baseTitle;

  const { body, signature } = splitSignature(draft.blocks);
  const tree = buildTree(body);
  const sig = signatureClause(signature);
  if (sig) tree.push(sig);

  // The lines directly under the title: a document number, a date, issuing notes.
  const head = body.slice(0, 6).filter((b) => b.text.length <= 60).map((b) => b.text).join('\n');
  const docNumber = draft.meta.docNumber ?? titleNumber ?? docNumberIn(head);
  const sigLines = signature.map((b) => b.text);
  const sigIssuer = sigLines.length > 1 ? sigLines.slice(0, -1).join(' ') : null;
  // A law's history lines (…会议通过, …修正) say who made it and the date of this version.
  const history = historyOf(body.slice(0, 12).map((b) => b.text));
  const issuer = draft.meta.issuer ?? issuerFromTitle(printedTitle) ?? sigIssuer ?? history.issuer ?? issuerOfNumber(docNumber);
  const fmDate = fm?.date ? isoDate(fm.date) : null;
  const date = draft.meta.date ?? history.date ?? (sigLines.length > 0 ? isoDate(sigLines[sigLines.length - 1] ?? '') : null) ?? fmDate ?? (head ? isoDate(head) : null);
  const allText = draft.blocks.map((b) => b.text).join('\n');
  const jurisdictions = draft.meta.jurisdictions ?? jurisdictionsOf(issuer, title, allText, docNumber);
  const kind = draft.meta.kind ?? kindOf(printedTitle, isNewsPage, countLabelled(tree));
  const firstAct = history.events.filter((e) => e.kind !== 'effective').map((e) => e.date).sort()[0] ?? date;
  const effective = history.effective ?? effectiveFromClosing(body.slice(-3).map((b) => b.text), firstAct);
  const validUntil = draft.meta.validUntil ?? validityOf(allText, date, effective);
  return { title, issuer, jurisdictions, date, docNumber, kind, validUntil, effective, history: history.events, tree };
}

/** Pre-order list of records with stable ids derived from each clause's path of labels. */
function flatten(tree: ParsedClause[], docId: string, title: string): ClauseRecord[] {
  const out: ClauseRecord[] = [];
  const walk = (nodes: ParsedClause[], parentId: string | null, parentPath: string, parentCite: string, depth: number): void => {
    const seen = new Map<string, number>();
    let paragraphNo = 0;
    for (const c of nodes) {
      let seg: string;
      if (c.label) seg = `${c.kind}:${c.number ?? 0}${c.suffix ? `-${c.suffix}` : ''}`;
      else if (c.kind === 'preface' || c.kind === 'signature') seg = c.kind;
      else seg = `p${++paragraphNo}`;
      const n = (seen.get(seg) ?? 0) + 1;
      seen.set(seg, n);
      const path = `${parentPath}/${n > 1 ? `${seg}#${n}` : seg}`;
      const id = clauseId(docId, path);
      const own = c.label ? c.citeLabel : c.kind === 'preface' ? (c.heading ?? '') : c.kind === 'signature' ? '落款' : `第${paragraphNo}段`;
      const spaced = c.kind === 'chapter' || c.kind === 'section' || c.kind === 'article' || c.kind === 'volume' || !c.label;
      const cite = parentCite ? (spaced ? `${parentCite} ${own}` : `${parentCite}${own}`) : own;
      out.push({
        id,
        parentId,
        ord: out.length,
        depth,
        kind: c.kind,
        label: c.label,
        heading: c.heading,
        text: c.paragraphs.join('\n'),
        citation: `${title} ${cite}`,
        units: c.units,
        table: c.table ?? null,
        path,
      });
      walk(c.children, id, path, cite, depth + 1);
    }
  };
  walk(tree, null, '', '', 0);
  return out;
}

/**
 * Parses one file. `key` is how the library knows the file (seeds/NAME, or its absolute path):
 * document ids derive from it, so the same file parsed by a better parser keeps them. `decoded`:
 * the text when it is not the bytes' own (a Word file's, read by ingest/docx.ts).
 */
export function parseSource(name: string, bytes: Uint8Array, manifest?: ManifestFile, key: string = name, decoded?: Decoded): ParsedSource {
  const sha256 = hash(bytes);
  if (manifest && manifest.sha256 !== sha256) {
    throw new IngestError(name, 'the bundled file differs from the one the seeds manifest describes (its SHA-256 changed)');
  }
  const { text, encoding, warnings } = decoded ?? decode(name, bytes);
  const { format, frontMatter, blocks } = readBlocks(text, name);
  const clean = splitLongParagraphs(normalize(blocks));
  if (clean.length === 0) throw new IngestError(name, 'no readable text was found in the file (only markup, links or navigation)', 'no-text');

  const explicit = manifest?.documents.some((d) => d.line !== undefined) ?? false;
  // A page's front matter names its title: its first line is then no headline.
  const drafts =
    explicit && manifest
      ? draftsFromManifest(name, clean, manifest)
      : draftsFromSegments(name, splitDocuments(clean, { headlines: frontMatter?.title === undefined }), frontMatter, manifest);
  const isNewsPage = frontMatter !== null;
  const built = drafts.map((draft) => ({ draft, doc: buildDocument(draft, frontMatter, isNewsPage) })).filter(({ doc }) => doc.tree.length > 0);
  if (built.length === 0) throw new IngestError(name, 'no document with text was found in the file', 'no-document');

  const sameTitle = new Map<string, number>();
  const documents = built.map(({ draft, doc: { tree, ...meta } }, index): DocumentRecord => {
    const printed = draft.title.replace(/\s+/g, '');
    const before = sameTitle.get(printed) ?? 0;
    sameTitle.set(printed, before + 1);
    if (before > 0) warnings.push(`the document "${meta.title}" appears twice in the file; the second copy was kept apart`);
    const id = documentId(key, localKeyOf(index, draft.title, before));
    const clauses = flatten(tree, id, meta.title);
    return { ...meta, id, textSha: textHash(meta.title, clauses), clauses };
  });
  return { name, parser: PARSER_VERSION, sha256, size: bytes.length, encoding, format, warnings, documents };
}
