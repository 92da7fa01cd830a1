import { useWorkspace } from '../app/WorkspaceContext';

/** "New flow" and "New map": each creates an untitled document and opens it. */
export function NewWorkflowButtons({ className }: { className: string }) {
  const create = useWorkspace((state) => state.create);
  return (
    <div className={className}>
      <button type="button" className="primary" onClick={() => void create('flow')}>
        New flow
      </button>
      <button type="button" onClick={() => void create('map')}>
        New map
      </button>
    </div>
  );
}
