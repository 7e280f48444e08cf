/** Runs once before the browser tests: bundle the editor fixture consoles (served under /editors/). */
import { buildEditorFixtures } from '../../tools/browser/editor-fixtures';

export default async function globalSetup(): Promise<void> {
  await buildEditorFixtures();
}
