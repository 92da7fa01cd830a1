import { Presentation } from 'lucide-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useWorkspace } from '../app/WorkspaceContext';
import { useEditor } from '../editor/EditorContext';
import type { CaptionNames } from './describeElement';
import { PresentationView } from './PresentationView';
import { IconButton } from '../ui/IconButton';

/** "Present": shows the open document full-window, step by step, for stakeholders. */
export function PresentButton({ workflowId }: { workflowId: string }) {
  const doc = useEditor((state) => state.editor.doc);
  const workflows = useWorkspace((state) => state.workflows);
  const [presenting, setPresenting] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  const title = workflows.find((item) => item.id === workflowId)?.name ?? doc.name ?? 'Workflow';
  const names = useMemo<CaptionNames>(
    () => ({ flow: (flowId) => workflows.find((item) => item.id === flowId)?.name }),
    [workflows],
  );
  const leave = useCallback(() => {
    setPresenting(false);
    button.current?.focus();
  }, []);

  return (
    <>
      <IconButton
        icon={Presentation}
        label="Present"
        ref={button}
        className="present-button"
        onClick={() => setPresenting(true)}
        title="Present this workflow step by step, full-window"
      />
      {presenting && <PresentationView doc={doc} title={title} names={names} onLeave={leave} />}
    </>
  );
}
