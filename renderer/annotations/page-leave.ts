// When the page goes away (the window or the tab closes, a reload) or is hidden (another tab, the
// window minimised, where a browser may discard it), every open note sends what it holds at once.
// pagehide and beforeunload both come on a close; visibilitychange(hidden) is the last event some
// browsers guarantee. Sending twice is harmless: the second finds nothing pending.

const leaving = new Set<() => void>();

const flushAll = (): void => {
  for (const flush of [...leaving]) flush();
};

window.addEventListener('pagehide', flushAll);
window.addEventListener('beforeunload', flushAll);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flushAll();
});

/** Runs `flush` whenever the page goes away, until the returned function is called. */
export function onPageLeave(flush: () => void): () => void {
  leaving.add(flush);
  return () => {
    leaving.delete(flush);
  };
}
