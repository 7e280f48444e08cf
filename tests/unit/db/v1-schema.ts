// The v1 declaration, frozen here as shipped (lib/db/db.ts, commit "extension skeleton").
export const V1 = {
  packs: 'id, priority',
  overrides: '[packId+scriptId], packId',
  promises: '++id, &uid, status, due, createdAt',
  feedback: '++id, &uid, department, createdAt',
  usage: '++id, at, kind, scriptId',
  sites: 'pattern',
};
