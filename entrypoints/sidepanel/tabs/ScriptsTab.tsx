/** Scripts tab — built in its own issue. */
export function ScriptsTab() {
  return <p data-testid="scripts-tab">—</p>;
}
