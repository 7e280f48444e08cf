/**
 * Dexie v4 (feedback that departments must answer), frozen as shipped. Kept in its own file, apart from
 * other v4 work, so that a merge can renumber it.
 *
 * - feedback: + indexes status, dueAt (open entries past their deadline without reading the whole table).
 *   Rows get `status: 'new'` when they have none (every row before v4). No deadline is invented for old
 *   rows: `dueAt` stays absent (no deadline) until the agent sends the entry to its department.
 * - Every other table keeps its earlier declaration.
 */
import type { Transaction } from 'dexie';

export const V4_FEEDBACK_STORES = {
  feedback: '++id, &uid, department, topic, createdAt, updatedAt, [department+topic], status, dueAt',
} as const;

export function upgradeFeedbackToV4(tx: Transaction) {
  return tx
    .table('feedback')
    .toCollection()
    .modify((f: { status?: unknown }) => {
      if (f.status === undefined) f.status = 'new';
    });
}
