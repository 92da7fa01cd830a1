import { SelectField } from './fields/SelectField';
import { usePanelData } from './PanelDataContext';
import { useFlowVersions } from './useFlowVersions';

export interface FlowReference {
  readonly flowId: string;
  readonly version: number | 'latest';
}

interface FlowReferenceFieldsProps {
  readonly label: string;
  readonly value: FlowReference | undefined;
  /** The first choice of the flow picker: "none" or "choose one". */
  readonly noneLabel: string;
  /** Applies the reference (`undefined`: none chosen); returns why it was refused, or `null`. */
  readonly onCommit: (reference: FlowReference | undefined) => string | null;
}

/** Picks a flow of the workspace and one of its saved versions, or the latest. */
export function FlowReferenceFields({
  label,
  value,
  noneLabel,
  onCommit,
}: FlowReferenceFieldsProps) {
  const { flows, flowsLoaded } = usePanelData();
  const flowId = value?.flowId ?? '';
  const version = value?.version ?? 'latest';
  const versions = useFlowVersions(flowId);
  const known = flows.some((flow) => flow.id === flowId);

  const flowOptions = [
    { value: '', label: noneLabel },
    ...flows.map((flow) => ({ value: flow.id, label: flow.name })),
    ...(flowId && !known ? [{ value: flowId, label: `${flowId} (not in this workspace)` }] : []),
  ];
  const versionOptions = [
    { value: 'latest', label: 'Latest version' },
    ...versions.map((number) => ({ value: String(number), label: `Version ${number}` })),
    ...(version !== 'latest' && !versions.includes(version)
      ? [{ value: String(version), label: `Version ${version} (not saved)` }]
      : []),
  ];
  return (
    <>
      <SelectField
        label={label}
        value={flowId}
        options={flowOptions}
        problem={
          flowId && !known && flowsLoaded ? `“${flowId}” is not a flow of this workspace.` : null
        }
        onCommit={(id) => onCommit(id ? { flowId: id, version: 'latest' } : undefined)}
      />
      <SelectField
        label="Version"
        value={String(version)}
        options={versionOptions}
        disabled={!flowId}
        hint={
          known && versions.length === 0
            ? 'This flow has no saved version yet: Latest runs its newest one once saved.'
            : undefined
        }
        onCommit={(chosen) =>
          onCommit({ flowId, version: chosen === 'latest' ? 'latest' : Number(chosen) })
        }
      />
    </>
  );
}
