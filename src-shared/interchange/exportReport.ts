/**
 * What an export to another engine could not carry over as drawn. Nothing is dropped without an
 * item here: `unsupported` left out (a placeholder stands in its place), `approximated` carried
 * over with different behaviour, `note` something the user must wire or replace (a mock ARN).
 */
export interface ExportReportItem {
  readonly code: string;
  readonly severity: 'unsupported' | 'approximated' | 'note';
  readonly message: string;
  readonly elementId?: string;
}

/** One report line, as the CLI prints it: `file: approximated ASL001 [approve] message`. */
export function formatReportItem(file: string, item: ExportReportItem): string {
  const where = item.elementId ? ` [${item.elementId}]` : '';
  return `${file}: ${item.severity} ${item.code}${where} ${item.message}`;
}
