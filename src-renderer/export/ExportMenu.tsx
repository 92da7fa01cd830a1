import { ChevronDown } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useWorkspace } from '../app/WorkspaceContext';
import { useEditorStore } from '../editor/EditorContext';
import { downloadPng, downloadSvg } from './exportDiagram';

/**
 * "Image ▾": a menu that downloads the open diagram as an SVG or PNG picture, named after the
 * workflow and drawn from the document as it is now (unsaved edits included).
 */
export function ExportMenu({ workflowId }: { workflowId: string }) {
  const store = useEditorStore();
  const name = useWorkspace(
    (state) => state.workflows.find((item) => item.id === workflowId)?.name,
  );
  const reportError = useWorkspace((state) => state.reportError);
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const exportAs = useCallback(
    async (format: 'svg' | 'png') => {
      setOpen(false);
      const { doc } = store.getState().editor;
      const named = { ...doc, name: name ?? doc.name };
      try {
        if (format === 'svg') downloadSvg(named);
        else await downloadPng(named);
      } catch (error) {
        reportError(error);
      }
    },
    [store, name, reportError],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (!open) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      trigger.current?.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const step = event.key === 'ArrowDown' ? 1 : -1;
    items[(at + step + items.length) % items.length]?.focus();
  };

  return (
    <div className="menu" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={trigger}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title="Download the diagram as a picture"
        onClick={() => setOpen((value) => !value)}
      >
        Image <ChevronDown size={14} aria-hidden="true" />
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          className="menu-list"
          role="menu"
          aria-label="Image"
          onBlur={(event) => {
            if (!root.current?.contains(event.relatedTarget)) setOpen(false);
          }}
        >
          <button type="button" role="menuitem" onClick={() => void exportAs('svg')}>
            Export SVG
          </button>
          <button type="button" role="menuitem" onClick={() => void exportAs('png')}>
            Export PNG
          </button>
        </div>
      )}
    </div>
  );
}
