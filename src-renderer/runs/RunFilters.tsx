import type { WorkflowSummary } from '../../src-shared/contract/contract';
import type { RunStatus } from '../../src-shared/runtime/runReport';
import { RUN_STATUSES, statusLabel } from './runFormat';

interface Props {
  readonly statuses: readonly RunStatus[];
  readonly onToggleStatus: (status: RunStatus) => void;
  readonly workflows: readonly WorkflowSummary[];
  readonly workflowId: string;
  readonly onWorkflowId: (workflowId: string) => void;
  readonly search: string;
  readonly onSearch: (search: string) => void;
}

/** The dashboard's filters: status chips (any of those on), one flow or map, and a search. */
export function RunFilters(props: Props) {
  return (
    <div className="runs-filters">
      <div role="group" aria-label="Filter by status" className="runs-chips">
        {RUN_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            aria-pressed={props.statuses.includes(status)}
            className={`runs-chip run-status-${status}`}
            onClick={() => props.onToggleStatus(status)}
          >
            {statusLabel[status]}
          </button>
        ))}
      </div>
      <select
        aria-label="Flow or map"
        value={props.workflowId}
        onChange={(event) => props.onWorkflowId(event.target.value)}
      >
        <option value="">All flows and maps</option>
        {props.workflows.map((workflow) => (
          <option key={workflow.id} value={workflow.id}>
            {workflow.name}
          </option>
        ))}
      </select>
      <input
        type="search"
        aria-label="Search runs"
        placeholder="Run id, correlation id or name"
        value={props.search}
        onChange={(event) => props.onSearch(event.target.value)}
      />
    </div>
  );
}
