// Where a clause stands, as a reader names it: the path of labels from the document down
// (第六章 第三节, 附件2's 二（七）), which the citation prints after the document's title.

/** The citation without its title; the clause's own label when the citation does not start so. */
export function labelPathOf(citation: string, title: string, label: string): string {
  return citation.startsWith(title) ? citation.slice(title.length).trim() : label;
}
