// Errors of the user-data store: each says what went wrong in words a user can act on; nothing
// was stored when one is thrown from a write.

export class AnnotationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnnotationError';
  }
}
