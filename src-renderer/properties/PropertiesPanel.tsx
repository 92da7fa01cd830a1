import { useEditor } from '../editor/EditorContext';
import { PanelToggle } from '../app/PanelToggle';
import { usePanelLayout } from '../app/panelLayout';
import { ConnectionProperties } from './ConnectionProperties';
import { ElementProperties } from './ElementProperties';
import { ManySelected } from './ManySelected';
import { NothingSelected } from './NothingSelected';
import { PanelDataContext } from './PanelDataContext';
import { useLoadPanelData } from './useLoadPanelData';

/**
 * The properties of what is selected on the canvas: one element's or one connection's form,
 * the document's summary when nothing is selected, a count when several are. Every change is
 * one command of the editor's history, applied when a field is committed.
 */
export function PropertiesPanel() {
  const shown = usePanelLayout().properties;
  if (!shown) {
    return (
      <aside className="panel-rail" aria-label="Properties (folded)">
        <PanelToggle panel="properties" />
      </aside>
    );
  }
  return <ShownProperties />;
}

function ShownProperties() {
  const doc = useEditor((state) => state.editor.doc);
  const workflowId = useEditor((state) => state.workflowId);
  const selection = useEditor((state) => state.selection);
  const data = useLoadPanelData(doc, workflowId);

  // The selection may still name an item that an undo or a delete just removed.
  const elements = doc.model.elements.filter((element) => selection.includes(element.id));
  const connections = doc.model.connections.filter((connection) =>
    selection.includes(connection.id),
  );
  const count = elements.length + connections.length;
  const [element] = elements;
  const [connection] = connections;

  return (
    <aside className="properties" aria-label="Properties">
      <PanelToggle panel="properties" className="properties-fold" />
      <PanelDataContext.Provider value={data}>
        {count === 0 ? (
          <NothingSelected doc={doc} name={data.workflowName} />
        ) : count > 1 ? (
          <ManySelected items={[...elements, ...connections]} />
        ) : element ? (
          <ElementProperties key={element.id} element={element} />
        ) : connection ? (
          <ConnectionProperties key={connection.id} connection={connection} />
        ) : null}
      </PanelDataContext.Provider>
    </aside>
  );
}
