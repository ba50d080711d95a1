// Word documents made in the test from real texts, with the `docx` package: the title as Word's
// Heading 1, numbered part headings (一、…) in bold, the rest as plain paragraphs, as ministries'
// Word files are set.

import { Document, HeadingLevel, Packer, Paragraph, TextRun, type IRunOptions } from 'docx';

const PART_HEADING = /^[一二三四五六七八九十]+、/;

export async function docxOf(lines: readonly string[]): Promise<Buffer> {
  const [title = '', ...body] = lines.filter((l) => l.trim().length > 0);
  const paragraphs = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }),
    ...body.map((line) => {
      const run: IRunOptions = { text: line, bold: PART_HEADING.test(line) };
      return new Paragraph({ children: [new TextRun(run)] });
    }),
  ];
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}
