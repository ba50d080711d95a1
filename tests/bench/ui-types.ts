// What tests/e2e/ui-bench.ts reports to tests/bench/run.ts (as JSON, from a process of its own).

export interface UiRow {
  what: string;
  ms: number;
  baseline?: string;
  ratio?: number;
  target?: string;
  met?: boolean;
}

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  over16: number;
  over33: number;
}
