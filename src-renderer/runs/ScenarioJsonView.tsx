import { json } from '@codemirror/lang-json';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useMemo } from 'react';

interface Props {
  readonly text: string;
  readonly onChange: (text: string) => void;
}

/** The scenario file's text, edited as JSON; the form and this view always show the same scenario. */
export function ScenarioJsonView({ text, onChange }: Props) {
  const extensions = useMemo(
    () => [
      json(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'Scenario JSON' }),
    ],
    [],
  );
  const dark = typeof document !== 'undefined' && document.documentElement.dataset.theme === 'dark';
  return (
    <CodeMirror
      className="runs-json"
      value={text}
      onChange={onChange}
      extensions={extensions}
      theme={dark ? 'dark' : 'light'}
      basicSetup={{ foldGutter: false, highlightActiveLine: false }}
      height="100%"
    />
  );
}
