// Responsible units as a view: every unit the library's clauses name (牵头, 配合, 支持, 负责), and
// for one unit every clause it is named in, grouped by document in library order. Read from the
// clause_units table the import fills (ingest/units.ts), by the name as printed.

import type { Database } from 'better-sqlite3';
import type { UnitDocument, UnitSummary, UnitTasks } from '../../../shared/api.ts';
import { labelPathOf } from '../../../shared/label-path.ts';
import type { ResponsibleUnit, UnitRole } from '../../../shared/types.ts';

/** Every unit, most tasks first, with its tasks by role and the documents it is named in. */
export function listUnits(db: Database): UnitSummary[] {
  const rows = db
    .prepare<[], { name: string; role: UnitRole; tasks: number }>(
      'SELECT u.name, u.role, count(DISTINCT u.clause_id) AS tasks FROM clause_units u GROUP BY u.name, u.role',
    )
    .all();
  const docs = new Map(
    db
      .prepare<[], { name: string; n: number }>('SELECT u.name, count(DISTINCT c.doc_id) AS n FROM clause_units u JOIN clauses c ON c.id = u.clause_id GROUP BY u.name')
      .all()
      .map((r) => [r.name, r.n]),
  );
  const tasks = new Map(
    db
      .prepare<[], { name: string; n: number }>('SELECT name, count(DISTINCT clause_id) AS n FROM clause_units GROUP BY name')
      .all()
      .map((r) => [r.name, r.n]),
  );
  const out = new Map<string, UnitSummary>();
  for (const r of rows) {
    const u = out.get(r.name) ?? { name: r.name, tasks: tasks.get(r.name) ?? 0, documents: docs.get(r.name) ?? 0, roles: {} };
    u.roles[r.role] = r.tasks;
    out.set(r.name, u);
  }
  return [...out.values()].sort((a, b) => b.tasks - a.tasks || a.name.localeCompare(b.name, 'zh'));
}

interface TaskRow {
  seq: number;
  id: string;
  doc_id: string;
  title: string;
  label: string;
  heading: string | null;
  text: string;
  citation: string;
  role: UnitRole;
}

/** Every clause naming the unit, grouped by document, each with all the units it names. */
export function unitTasks(db: Database, name: string): UnitTasks {
  const rows = db
    .prepare<[string], TaskRow>(
      `SELECT c.seq, c.id, c.doc_id, d.title, c.label, c.heading, c.text, c.citation, u.role
       FROM clause_units u JOIN clauses c ON c.id = u.clause_id JOIN documents d ON d.id = c.doc_id
       WHERE u.name = ? ORDER BY c.seq, u.ord`,
    )
    .all(name);
  const units = new Map<string, ResponsibleUnit[]>();
  const ids = [...new Set(rows.map((r) => r.id))];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const all = db
      .prepare<string[], { clause: string; name: string; role: UnitRole }>(`SELECT clause_id AS clause, name, role FROM clause_units WHERE clause_id IN (${chunk.map(() => '?').join(', ')}) ORDER BY clause_id, ord`)
      .all(...chunk);
    for (const u of all) units.set(u.clause, [...(units.get(u.clause) ?? []), { name: u.name, role: u.role }]);
  }
  const documents: UnitDocument[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    // A unit named twice in one clause (牵头 and 配合) is one task, under its first role.
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    let doc = documents[documents.length - 1];
    if (doc?.docId !== r.doc_id) {
      doc = { docId: r.doc_id, title: r.title, tasks: [] };
      documents.push(doc);
    }
    doc.tasks.push({ clauseId: r.id, labelPath: labelPathOf(r.citation, r.title, r.label), heading: r.heading, text: r.text, citation: r.citation, role: r.role, units: units.get(r.id) ?? [] });
  }
  return { name, documents };
}
