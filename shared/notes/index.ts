// Notes: the ProseMirror schema and what the engine needs to read a saved note.

export { CLAUSE_ID_PATTERN, clauseUri, noteSchema } from './schema.ts';
export { linkedClauses, MAX_NOTE_BYTES, NoteError, noteFromJSON, noteFromText, noteText, noteToHTML, parseNote } from './note.ts';
