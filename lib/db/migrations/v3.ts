/**
 * Dexie v3 (soft-deleted promises), frozen as shipped. The toast's Undo no longer removes a promise: it
 * sets `status: 'deleted'`, `deletedAt` and `deletedFrom`, so that the Promises tab lists what was undone
 * and can restore it.
 *
 * - promises: + index deletedAt (rows without it are not in the index, so listing the undone ones reads only
 *   them, newest first). No row changes: no promise was soft-deleted before v3, and the new optional fields
 *   (`deletedAt`, `deletedFrom`, `ownerKey`) are absent on old rows, which is their meaning.
 * - Every other table keeps its v1/v2 declaration.
 */
export const V3_STORES = {
  promises: '++id, &uid, status, due, createdAt, doneAt, updatedAt, [status+due], deletedAt',
} as const;
