// Autosave of a note: changes are saved once typing pauses, one save at a time and always the
// newest text; a flush saves at once (the editor lost the focus, the popover closed). When the
// page goes away (the window or the tab is closed, the page is hidden) the newest text leaves at
// once on the durable path, without waiting for a save in flight: the page may have no time left.

import type { NoteJSON } from '../../shared/api.ts';

/** Saves a note; `durable`: the page is going away (browser mode sends it with keepalive). */
type SaveNote = (note: NoteJSON | null, durable: boolean) => Promise<void>;

export interface NoteSaver {
  /** The editor's text changed. */
  change: (note: NoteJSON | null) => void;
  /** Saves what is pending now and resolves when every save has landed. */
  flush: () => Promise<void>;
  /** The page is going away: what is pending leaves at once, durably. */
  flushNow: () => void;
  /** Text not yet saved, or a save in flight. */
  busy: () => boolean;
}

interface SaverOptions {
  /** Pause in typing before a save, in ms. */
  delay?: number;
  later?: (ms: number, run: () => void) => () => void;
  /** A save failed; the text stays pending and the next change or flush tries again. */
  onError?: (e: unknown) => void;
  /** Saving began or every save has landed. */
  onBusy?: (busy: boolean) => void;
}

const NOTHING = Symbol('nothing pending');

const defaultLater = (ms: number, run: () => void): (() => void) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export function createNoteSaver(save: SaveNote, { delay = 700, later = defaultLater, onError, onBusy }: SaverOptions = {}): NoteSaver {
  let pending: NoteJSON | null | typeof NOTHING = NOTHING;
  let inFlight: Promise<void> | null = null;
  let cancel = (): void => undefined;
  let wasBusy = false;

  const busy = (): boolean => pending !== NOTHING || inFlight !== null;
  const report = (): void => {
    const now = busy();
    if (now !== wasBusy) onBusy?.(now);
    wasBusy = now;
  };

  const run = (): Promise<void> => {
    cancel();
    if (inFlight) return inFlight.then(run);
    if (pending === NOTHING) return Promise.resolve();
    const note = pending;
    pending = NOTHING;
    inFlight = save(note, false).then(
      () => {
        inFlight = null;
        report();
      },
      (e: unknown) => {
        inFlight = null;
        // Newer text, if any, supersedes what failed.
        if (pending === NOTHING) pending = note;
        report();
        onError?.(e);
      },
    );
    report();
    return inFlight;
  };

  return {
    change: (note) => {
      pending = note;
      report();
      cancel();
      cancel = later(delay, () => void run());
    },
    flush: async () => {
      await run();
      if (inFlight) await inFlight;
    },
    flushNow: () => {
      cancel();
      if (pending === NOTHING) return;
      const note = pending;
      pending = NOTHING;
      save(note, true).catch((e: unknown) => onError?.(e));
    },
    busy,
  };
}
