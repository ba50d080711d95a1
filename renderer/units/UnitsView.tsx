// Responsible units (#/units, #/units/NAME): every unit the library's clauses name, and for the
// unit chosen every clause it leads (牵头), cooperates on (配合), supports (支持) or is responsible
// for (负责), grouped by document. A task opens its clause; the other units of a task lead on.

import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { UnitTask } from '../../shared/api.ts';
import type { UnitRole } from '../../shared/types.ts';
import { router } from '../app/router.ts';
import { useI18n } from '../common/i18n.tsx';
import { foldText } from '../common/fold.ts';
import { reading } from '../reader/reading.ts';
import { search } from '../search/search.ts';
import { units, useUnits } from './units.ts';

const ROLES: readonly UnitRole[] = ['lead', 'cooperate', 'support', 'responsible'];
const toUnit = (name: string): void => router.navigate({ view: 'units', name });

export function UnitsView({ name }: { name: string | null }): ReactNode {
  const { t } = useI18n();
  const state = useUnits();
  const [filter, setFilter] = useState('');
  useEffect(() => {
    void units.show(name);
  }, [name]);
  const needle = foldText(filter.trim());
  const listed = useMemo(() => (state.units ?? []).filter((u) => !needle || foldText(u.name).includes(needle)), [state.units, needle]);
  const tasks = state.tasks?.name === name ? state.tasks : null;
  const count = tasks?.documents.reduce((n, d) => n + d.tasks.length, 0) ?? 0;
  return (
    <div className="units-view">
      <nav className="units-list" aria-label={t.units.title}>
        <input type="search" value={filter} placeholder={t.units.filter} aria-label={t.units.filter} onChange={(e) => setFilter(e.target.value)} />
        <ol>
          {listed.map((u) => (
            <li key={u.name}>
              <a
                href={`#/units/${encodeURIComponent(u.name)}`}
                className={u.name === name ? 'current' : undefined}
                aria-current={u.name === name ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  toUnit(u.name);
                }}
              >
                <span className="unit-name">{u.name}</span>
                <span className="facet-count">{u.tasks}</span>
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <section className="unit-tasks" aria-label={name ?? t.units.title}>
        {state.error !== null && <p className="problems">{state.error}</p>}
        {name === null ? (
          <h2>{t.units.title}</h2>
        ) : (
          <>
            <h2>
              {name}
              {tasks && (
                <span className="group-meta">
                  {count} {t.units.tasks}
                </span>
              )}
              {/* The same unit as a search facet: its tasks beside any words typed after it. */}
              <button type="button" className="unit-search" onClick={() => void search.run(`unit:${name}`)}>
                {t.units.search}
              </button>
            </h2>
            {tasks && count === 0 && <p className="no-results">{t.units.none}</p>}
            {tasks?.documents.map((d) => (
              <article key={d.docId} className="unit-document">
                <h3>{d.title}</h3>
                <ol>
                  {d.tasks.map((task) => (
                    <Task key={task.clauseId} docId={d.docId} task={task} self={name} />
                  ))}
                </ol>
              </article>
            ))}
          </>
        )}
      </section>
    </div>
  );
}

function Task({ docId, task, self }: { docId: string; task: UnitTask; self: string }): ReactNode {
  const { t } = useI18n();
  return (
    <li className={`unit-task role-${task.role}`}>
      <button type="button" className="task-open" data-clause-id={task.clauseId} title={task.citation} onClick={() => reading.open(docId, task.clauseId, 0)}>
        <span className="task-where">
          <span className={`role-badge role-${task.role}`}>{t.role[task.role]}</span>
          <span className="label">{task.labelPath}</span>
          {task.heading && <span className="heading">{task.heading}</span>}
        </span>
        <span className="task-text">{task.text}</span>
      </button>
      <span className="task-units">
        {ROLES.map((role) => {
          const others = task.units.filter((u) => u.role === role && u.name !== self);
          return others.length > 0 ? (
            <span key={role} className={`unit-role role-${role}`}>
              <span className="role">{t.role[role]}</span>
              {others.map((u, i) => (
                <span key={u.name}>
                  {i > 0 && '、'}
                  <a
                    href={`#/units/${encodeURIComponent(u.name)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      toUnit(u.name);
                    }}
                  >
                    {u.name}
                  </a>
                </span>
              ))}
            </span>
          ) : null;
        })}
      </span>
    </li>
  );
}
