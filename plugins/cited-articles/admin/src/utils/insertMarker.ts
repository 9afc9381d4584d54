/**
 * Puts a citation marker where the editor's cursor is in the article body. The Content Manager's
 * Markdown field is a CodeMirror 5 editor, which keeps its instance on its wrapper element; when it
 * cannot be found (another editor, a custom field) the marker is appended to the body instead.
 */
export const insertMarker = (
  marker: string,
  fallback: { body: string | undefined; onChange: (name: string, value: unknown) => void }
) => {
  const editors = Array.from(document.querySelectorAll('.CodeMirror')) as Array<HTMLElement & { CodeMirror?: any }>;
  const editor = editors.length === 1 ? editors[0].CodeMirror : undefined;
  if (editor && typeof editor.replaceSelection === 'function') {
    editor.replaceSelection(marker);
    editor.focus();
    return;
  }
  const body = fallback.body ?? '';
  fallback.onChange('body', body === '' ? marker : `${body.trimEnd()} ${marker}`);
};
