// What a worker of the engine's tells the thread that started it: how far it got, its answer, or
// why it stopped. One shape for the seed import and the user's imports.

export type WorkerMessage<Done extends object> =
  | { type: 'progress'; done: number; total: number; current: string }
  | ({ type: 'done' } & Done)
  | { type: 'error'; message: string };
