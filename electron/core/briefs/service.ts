// The briefs as the API and the command line use them: the store's rows (annotations/brief-store)
// read against the library, what is added turned into excerpts with their citations, and exports.

import { isAbsolute, extname } from 'node:path';
import type { Annotation } from '../../../shared/anchoring/annotation.ts';
import type {
  Brief, BriefAddResult, BriefChange, BriefExportRequest, BriefExportResult, BriefFormat, BriefGrouping, BriefItemChange,
  BriefItemInput, BriefPlace, BriefSection, BriefSummary,
} from '../../../shared/api.ts';
import { BriefStore } from '../annotations/brief-store.ts';
import type { AnnotationStore } from '../annotations/store.ts';
import type { Library } from '../store/library.ts';
import { defaultLinkOf, ExcerptResolver, groupedSections, itemsToAdd, type LinkOf, type ListAnnotations } from './briefs.ts';
import { briefDocx } from './export/docx.ts';
import { briefHTML } from './export/html.ts';
import { briefMarkdown } from './export/markdown.ts';
import { fileNameOf, MIME } from './export/model.ts';
import { chromiumPdf, type PrintToPdf } from './export/pdf.ts';
import { ExportError, writeExportAtomic } from './export/write.ts';

export interface BriefOptions {
  /** How exports link to clauses (default clauseway://c/ID; browser mode gives its address). */
  linkOf?: LinkOf;
  /** How a PDF is printed (default a headless Chromium; the desktop app gives Electron's). */
  printToPdf?: PrintToPdf;
}

export class BriefService {
  readonly store: BriefStore;
  private readonly library: Library;
  private readonly annotations: AnnotationStore;
  private readonly listAnnotations: ListAnnotations;
  private readonly linkOf: LinkOf;
  private readonly printToPdf: PrintToPdf;

  constructor(library: Library, annotations: AnnotationStore, listAnnotations: ListAnnotations, options: BriefOptions = {}) {
    this.library = library;
    this.annotations = annotations;
    this.store = new BriefStore(annotations);
    this.listAnnotations = listAnnotations;
    this.linkOf = options.linkOf ?? defaultLinkOf;
    this.printToPdf = options.printToPdf ?? chromiumPdf();
  }

  private view(id: string): Brief {
    return new ExcerptResolver(this.library, this.linkOf).view(this.store.require(id));
  }

  list(query: { trash?: boolean } = {}): BriefSummary[] {
    return this.store.list(query);
  }

  get(id: string): Brief | null {
    const stored = this.store.get(id);
    return stored ? new ExcerptResolver(this.library, this.linkOf).view(stored) : null;
  }

  create(input: { title: string; subtitle?: string | null }): Brief {
    return this.view(this.store.create(input).id);
  }

  update(id: string, change: BriefChange): Brief {
    this.store.update(id, change);
    return this.view(id);
  }

  delete(id: string): BriefSummary {
    return this.store.delete(id);
  }

  restore(id: string): Brief {
    this.store.restore(id);
    return this.view(id);
  }

  emptyTrash(): number {
    return this.store.emptyTrash();
  }

  add(id: string, inputs: readonly BriefItemInput[], place: BriefPlace = {}): BriefAddResult {
    this.store.require(id);
    const annotationOf = (annotationId: string): Annotation | null => this.annotations.get(annotationId);
    const items = itemsToAdd(this.library, annotationOf, this.listAnnotations, inputs);
    const added = items.length === 0 ? [] : this.store.add(id, items, place);
    return { brief: this.view(id), added };
  }

  updateItem(id: string, itemId: string, change: BriefItemChange): Brief {
    this.store.updateItem(id, itemId, change);
    return this.view(id);
  }

  moveItem(id: string, itemId: string, to: BriefPlace): Brief {
    this.store.moveItem(id, itemId, to);
    return this.view(id);
  }

  removeItem(id: string, itemId: string): Brief {
    this.store.removeItem(id, itemId);
    return this.view(id);
  }

  addSection(id: string, heading: string, index?: number): BriefSection {
    const sectionId = this.store.addSection(id, heading, index);
    const section = this.view(id).sections.find((s) => s.id === sectionId);
    if (!section) throw new Error(`the new section ${sectionId} was not stored`);
    return section;
  }

  updateSection(id: string, sectionId: string, heading: string): Brief {
    this.store.updateSection(id, sectionId, heading);
    return this.view(id);
  }

  moveSection(id: string, sectionId: string, index: number): Brief {
    this.store.moveSection(id, sectionId, index);
    return this.view(id);
  }

  removeSection(id: string, sectionId: string): Brief {
    this.store.removeSection(id, sectionId);
    return this.view(id);
  }

  group(id: string, by: BriefGrouping): Brief {
    this.store.replaceSections(id, groupedSections(this.view(id), by));
    return this.view(id);
  }

  preview(id: string): string {
    return briefHTML(this.view(id), this.linkOf);
  }

  /** The brief's bytes in a format. */
  async render(id: string, format: BriefFormat): Promise<Uint8Array> {
    const brief = this.view(id);
    switch (format) {
      case 'html': return new TextEncoder().encode(briefHTML(brief, this.linkOf));
      case 'md': return new TextEncoder().encode(briefMarkdown(brief, this.linkOf));
      case 'docx': return briefDocx(brief, this.linkOf);
      case 'pdf': return this.printToPdf(briefHTML(brief, this.linkOf));
    }
  }

  /** Written atomically at `path` when one is given; else the bytes, base64, for a download. */
  async export(request: BriefExportRequest): Promise<BriefExportResult> {
    const { id, format, path } = request;
    if (path !== undefined) {
      if (!isAbsolute(path)) throw new ExportError(`${path}: give the full path of the file to write`);
      if (extname(path).toLowerCase() !== `.${format}`) throw new ExportError(`${path}: a ${format.toUpperCase()} export must end in .${format}`);
    }
    const brief = this.store.require(id);
    const bytes = await this.render(id, format);
    const fileName = fileNameOf(brief.title, format);
    if (path !== undefined) writeExportAtomic(path, bytes);
    return { format, path: path ?? null, fileName, mime: MIME[format], size: bytes.length, base64: path === undefined ? Buffer.from(bytes).toString('base64') : null };
  }
}
