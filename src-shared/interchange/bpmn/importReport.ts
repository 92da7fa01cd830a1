/** What happened to one element of a BPMN file that Baton could not take over as it was. */
export type ImportAction =
  /** Not imported at all (no Baton equivalent). */
  | 'skipped'
  /** Imported as the nearest Baton element; its meaning differs, as `detail` says. */
  | 'approximated'
  /** Imported in another form (a pool as a lane, a message flow as a publish/await pair). */
  | 'converted'
  /** Imported under another id, because its BPMN id is not a valid Baton id. */
  | 'renamed'
  /** Vendor extensions or attributes of the element that Baton does not read. */
  | 'ignored';

/** One line of the import report: which element, of which BPMN type, and what became of it. */
export interface ImportReportEntry {
  readonly elementId: string;
  readonly type: string;
  readonly action: ImportAction;
  readonly detail: string;
  /** For `renamed`: the Baton id the element was imported under. */
  readonly importedAs?: string;
}

/** One line per entry, as the CLI prints it to stderr and the app lists it. */
export function formatImportReportEntry(entry: ImportReportEntry): string {
  return `${entry.action}${entry.type ? ` ${entry.type}` : ''} ${entry.elementId}: ${entry.detail}`;
}
