// Selecting text as a reader does, with the mouse: from the first character of `from` to the last
// of `to`, both found in the text of one element (a clause, or a pane's text across clauses).

import type { Locator, Page } from '@playwright/test';

/**
 * The viewport points just inside the first character of `from` and the last of `to`; with
 * `scroll`, the first is brought to the middle of its pane first (a drag past the pane's edge
 * would scroll it and select on).
 */
async function endpoints(scope: Locator, from: string, to: string, scroll: boolean): Promise<{ x0: number; y0: number; x1: number; y1: number }> {
  return scope.evaluate(
    (root, [a, b, center]) => {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement?.closest('[data-at]') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
      });
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const text = nodes.map((n) => n.data).join('');
      const start = text.indexOf(a);
      const end = text.indexOf(b, start) + b.length - 1;
      if (start < 0 || end < start) throw new Error(`"${a}"…"${b}" is not in the text`);
      const at = (i: number): [Text, number] => {
        let k = i;
        for (const n of nodes) {
          if (k < n.data.length) return [n, k];
          k -= n.data.length;
        }
        throw new Error('past the end');
      };
      const rectOf = (i: number): DOMRect => {
        const [n, k] = at(i);
        const r = document.createRange();
        r.setStart(n, k);
        r.setEnd(n, k + 1);
        const rects = r.getClientRects();
        return rects[0] ?? r.getBoundingClientRect();
      };
      if (center) at(start)[0].parentElement?.scrollIntoView({ block: 'center' });
      const s = rectOf(start);
      const e = rectOf(end);
      return { x0: s.left + 1, y0: s.top + s.height / 2, x1: e.right - 1, y1: e.top + e.height / 2 };
    },
    [from, to, scroll] as const,
  );
}

export async function selectText(page: Page, scope: Locator, from: string, to: string = from): Promise<void> {
  await endpoints(scope, from, to, true);
  // The virtualised text measures what came into view over a frame or two.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const { x0, y0, x1, y1 } = await endpoints(scope, from, to, false);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, { steps: 4 });
  await page.mouse.move(x1, y1, { steps: 4 });
  await page.mouse.up();
}
