/** Runs once before the Firefox tests: bundle the editor fixture consoles (served under /editors/). */
import { buildEditorFixtures } from '../../tools/browser/editor-fixtures';

export default async function globalSetup(): Promise<void> {
  await buildEditorFixtures();
}
