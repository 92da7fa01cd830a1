import type { WorkflowDocument } from '../../../src-shared/model/document';
import { waypointsOf } from '../../../src-shared/editing/routes';
import { useRunCommand } from '../useRunCommand';

/**
 * How a connection is drawn: through its bends, with a button that drops them so that it is drawn
 * the default way again (one `connections.route`). Nothing when it has none.
 */
export function RouteField({ doc, connectionId }: { doc: WorkflowDocument; connectionId: string }) {
  const run = useRunCommand();
  const bends = waypointsOf(doc, connectionId).length;
  if (bends === 0) return null;
  return (
    <div className="prop-field">
      <span className="prop-label">Route</span>
      <div className="prop-id">
        <span className="prop-hint">
          Drawn through {bends} bend{bends === 1 ? '' : 's'}.
        </span>
        <button
          type="button"
          onClick={() => run({ type: 'connections.route', routes: { [connectionId]: null } })}
        >
          Reset route
        </button>
      </div>
    </div>
  );
}
