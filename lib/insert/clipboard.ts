/** Put text on the clipboard when it could not be inserted (the agent pastes it with Ctrl+V). */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await doc.defaultView!.navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API or no permission in this frame: try the copy command below.
  }
  try {
    // Fill the copy event ourselves: no temporary field in the page, nothing selected.
    let filled = false;
    const onCopy = (e: ClipboardEvent) => {
      e.clipboardData?.setData('text/plain', text);
      e.preventDefault();
      e.stopImmediatePropagation();
      filled = !!e.clipboardData;
    };
    doc.addEventListener('copy', onCopy, { capture: true, once: true });
    const ran = doc.execCommand('copy');
    doc.removeEventListener('copy', onCopy, { capture: true });
    return ran && filled;
  } catch {
    return false;
  }
}
