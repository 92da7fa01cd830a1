import { createStore } from 'zustand/vanilla';
import type {
  Client,
  ImportedWorkflow,
  ImportReportLine,
  WorkflowSummary,
} from '../../src-shared/contract/contract';
import type { WorkflowKind } from '../../src-shared/model/elementTypes';

export interface WorkspaceState {
  readonly workflows: readonly WorkflowSummary[];
  readonly query: string;
  readonly loaded: boolean;
  readonly openId: string | null;
  /** The documents open in tabs, in tab order (the active one is `openId`). */
  readonly tabs: readonly string[];
  /** The last failure, shown until dismissed. */
  readonly error: string | null;
  readonly refresh: () => Promise<void>;
  readonly setQuery: (query: string) => void;
  readonly create: (kind: WorkflowKind) => Promise<WorkflowSummary | undefined>;
  readonly rename: (id: string, name: string) => Promise<void>;
  readonly duplicate: (id: string) => Promise<void>;
  readonly remove: (id: string) => Promise<void>;
  /**
   * Imports a Baton JSON or BPMN file (by its extension) as a new workflow and opens it; a refusal
   * names the file. A BPMN import's report is kept in `importReport` for the user to read.
   */
  readonly importFile: (file: ImportedFile) => Promise<WorkflowSummary | undefined>;
  /** What the last BPMN import did not take over as it was, until the user closes it. */
  readonly importReport: ImportReportState | null;
  readonly dismissImportReport: () => void;
  /** Shows a report in the import report's dialog (a derived document's, from the pattern lab). */
  readonly showReport: (report: ImportReportState) => void;
  /** Opens a document in a tab (or switches to its tab) and makes it the active one. */
  readonly open: (id: string | null) => void;
  /** Closes a tab; the tab to its right (else its left) becomes active. */
  readonly closeTab: (id: string) => void;
  readonly reportError: (error: unknown) => void;
  readonly dismissError: () => void;
  /**
   * The run shown on each open document's canvas by the debugger (live or replayed), by
   * workflow id. At most one run per document.
   */
  readonly attachedRuns: Readonly<Record<string, string>>;
  /** Opens the run's flow or map in a tab with the debugger on that run, and leaves the runs dashboard. */
  readonly attachRun: (workflowId: string, runId: string) => void;
  /** Back to editing: the document no longer shows a run. */
  readonly detachRun: (workflowId: string) => void;
  /** The runs dashboard fills the main area instead of the open documents. */
  readonly showRuns: boolean;
  readonly setShowRuns: (show: boolean) => void;
}

/** The report of a BPMN import, with the file it came from. */
export interface ImportReportState {
  readonly fileName: string;
  readonly entries: readonly ImportReportLine[];
  /** The dialog's title when not an import (`Derived “Order saga (choreography)”`). */
  readonly title?: string;
  /** The heading of the source element column (`BPMN element` by default). */
  readonly sourceColumn?: string;
}

/** Files imported as BPMN 2.0 XML rather than Baton JSON. */
export const isBpmnFileName = (name: string) => /\.bpmn2?$/i.test(name);

/** What importing needs of a picked file (a DOM `File` is one). */
export interface ImportedFile {
  readonly name: string;
  text(): Promise<string>;
  /** The raw bytes, for BPMN files that declare an encoding other than UTF-8. */
  arrayBuffer?(): Promise<ArrayBuffer>;
}

/** An XML file's text, decoded as its declaration says (UTF-8 when it says nothing it knows). */
async function xmlText(file: ImportedFile): Promise<string> {
  if (!file.arrayBuffer) return file.text();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const label = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A name not yet used in the list: "Untitled flow", "Untitled flow 2"… */
export function untitledName(kind: WorkflowKind, taken: readonly WorkflowSummary[]): string {
  const base = kind === 'flow' ? 'Untitled flow' : 'Untitled map';
  const names = new Set(taken.map((workflow) => workflow.name));
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : `${base} ${n}`;
    if (!names.has(name)) return name;
  }
}

const LAST_OPEN_KEY = 'baton.lastOpen';
const TABS_KEY = 'baton.tabs';

function readTabs(memory: Pick<Storage, 'getItem'>): string[] {
  try {
    const value: unknown = JSON.parse(memory.getItem(TABS_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The sidebar's state: the workspace's flows and maps, and which one is open. The open one is
 * remembered so that a reload or restart brings the user back to it.
 */
export function createWorkspaceStore(
  client: Client,
  memory: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = window.localStorage,
) {
  return createStore<WorkspaceState>()((set, get) => {
    const guarded =
      <A extends unknown[], R>(action: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R | undefined> => {
        try {
          return await action(...args);
        } catch (error) {
          get().reportError(error);
          return undefined;
        }
      };

    return {
      workflows: [],
      query: '',
      loaded: false,
      openId: null,
      tabs: [],
      error: null,
      importReport: null,
      refresh: guarded(async () => {
        const workflows = await client['workflows.list']({ query: get().query });
        if (!get().loaded) {
          const last = memory.getItem(LAST_OPEN_KEY);
          const exists = (id: string | null) => workflows.some((workflow) => workflow.id === id);
          const reopen = exists(last) ? last : null;
          const tabs = readTabs(memory).filter(exists);
          const openId = get().openId ?? reopen;
          if (openId && !tabs.includes(openId)) tabs.push(openId);
          set({ workflows, loaded: true, openId, tabs: [...new Set([...get().tabs, ...tabs])] });
          return;
        }
        // A tab whose workflow was deleted elsewhere closes.
        const gone = get().tabs.filter((id) => !workflows.some((workflow) => workflow.id === id));
        for (const id of gone) {
          if (get().query === '') get().closeTab(id);
        }
        set({ workflows });
      }),
      setQuery: (query) => {
        set({ query });
        void get().refresh();
      },
      create: guarded(async (kind: WorkflowKind) => {
        const all = await client['workflows.list']({});
        const created = await client['workflows.create']({ kind, name: untitledName(kind, all) });
        set({ query: '' });
        get().open(created.id);
        await get().refresh();
        return created;
      }),
      rename: guarded(async (id: string, name: string) => {
        await client['workflows.rename']({ id, name });
        await get().refresh();
      }),
      duplicate: guarded(async (id: string) => {
        const copy = await client['workflows.duplicate']({ id });
        get().open(copy.id);
        await get().refresh();
      }),
      remove: guarded(async (id: string) => {
        await client['workflows.delete']({ id });
        get().closeTab(id);
        await get().refresh();
      }),
      importFile: async (file) => {
        let created: ImportedWorkflow;
        const bpmn = isBpmnFileName(file.name);
        try {
          created = await client['workflows.import']({
            text: bpmn ? await xmlText(file) : await file.text(),
            ...(bpmn ? { format: 'bpmn' as const } : {}),
          });
        } catch (error) {
          get().reportError(new Error(`Could not import “${file.name}”: ${describe(error)}`));
          return undefined;
        }
        const { importReport, ...summary } = created;
        set({
          query: '',
          importReport: bpmn ? { fileName: file.name, entries: importReport ?? [] } : null,
        });
        get().open(summary.id);
        await get().refresh();
        return summary;
      },
      dismissImportReport: () => set({ importReport: null }),
      showReport: (report) => set({ importReport: report }),
      open: (id) => {
        if (id) memory.setItem(LAST_OPEN_KEY, id);
        else memory.removeItem(LAST_OPEN_KEY);
        const tabs = id && !get().tabs.includes(id) ? [...get().tabs, id] : get().tabs;
        memory.setItem(TABS_KEY, JSON.stringify(tabs));
        set({ openId: id, tabs });
      },
      closeTab: (id) => {
        const { tabs, openId } = get();
        const at = tabs.indexOf(id);
        if (at < 0) return;
        const rest = tabs.filter((tab) => tab !== id);
        memory.setItem(TABS_KEY, JSON.stringify(rest));
        set({ tabs: rest });
        if (openId === id) get().open(rest[at] ?? rest[at - 1] ?? null);
      },
      reportError: (error) => set({ error: describe(error) }),
      dismissError: () => set({ error: null }),
      attachedRuns: {},
      attachRun: (workflowId, runId) => {
        set({ attachedRuns: { ...get().attachedRuns, [workflowId]: runId }, showRuns: false });
        get().open(workflowId);
      },
      detachRun: (workflowId) => {
        const { [workflowId]: _gone, ...rest } = get().attachedRuns;
        set({ attachedRuns: rest });
      },
      showRuns: false,
      setShowRuns: (show) => set({ showRuns: show }),
    };
  });
}
