/**
 * Puts a citation marker where the editor's cursor is in the article body. The Content Manager's
 * Markdown field is a CodeMirror 5 editor, which keeps its instance on its wrapper element; when it
 * cannot be found (another editor, a custom field) the marker is appended to the body instead.
 */
/** The two methods of a CodeMirror 5 instance used here (checked at runtime: another editor may be there). */
interface CodeMirrorEditor {
  replaceSelection(text: string): void;
  focus(): void;
}

export const insertMarker = (marker: string, fallback: { body: string | undefined; onChange: (name: string, value: unknown) => void }) => {
  const editors = Array.from(document.querySelectorAll<HTMLElement & { CodeMirror?: Partial<CodeMirrorEditor> }>('.CodeMirror'));
  const editor = editors.length === 1 ? editors[0].CodeMirror : undefined;
  if (editor && typeof editor.replaceSelection === 'function' && typeof editor.focus === 'function') {
    editor.replaceSelection(marker);
    editor.focus();
    return;
  }
  const body = fallback.body ?? '';
  fallback.onChange('body', body === '' ? marker : `${body.trimEnd()} ${marker}`);
};
