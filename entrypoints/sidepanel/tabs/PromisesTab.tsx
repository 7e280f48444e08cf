/** Promises tab — built in its own issue. */
export function PromisesTab() {
  return <p data-testid="promises-tab">—</p>;
}
