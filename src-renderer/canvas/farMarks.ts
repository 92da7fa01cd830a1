import type { InternalNode } from '@xyflow/react';
import type { ElementRunState } from '../../src-shared/runtime/runView';
import type { Diagnostic } from '../../src-shared/validation/Diagnostic';
import { isRound } from './farScene';
import type { ElementFlowNode } from './toFlow';

/**
 * What the far layer paints over the elements it draws, as the DOM draws it on a mounted node:
 * a problem badge on the top right corner, and a run's state as an outline in its colour.
 */

type Lookup = ReadonlyMap<string, InternalNode<ElementFlowNode>>;

/** A problem badge at an element's top right corner, in its worst severity's colour. */
export interface ProblemMark {
  readonly x: number;
  readonly y: number;
  readonly colour: string;
}

/** An element's state in the run shown: an outline around it (round for events). */
export interface RunMark {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly round: boolean;
  readonly colour: string;
}

const severityColour: Record<Diagnostic['severity'], string> = {
  error: '--danger',
  warning: '--warn',
  info: '--accent',
};
const severityRank: Record<Diagnostic['severity'], number> = { error: 0, warning: 1, info: 2 };

/** The problem badges of the elements the layer paints, as `ProblemBadge` places them. */
export function problemMarks(
  problems: ReadonlyMap<string, readonly Diagnostic[]>,
  lookup: Lookup,
  hidden: ReadonlySet<string>,
): ProblemMark[] {
  const marks: ProblemMark[] = [];
  for (const [id, list] of problems) {
    const node = hidden.has(id) ? lookup.get(id) : undefined;
    if (!node || list.length === 0) continue;
    const worst = list.reduce((a, b) =>
      severityRank[b.severity] < severityRank[a.severity] ? b : a,
    );
    const { x, y } = node.internals.positionAbsolute;
    marks.push({ x: x + (node.measured.width ?? 0), y, colour: severityColour[worst.severity] });
  }
  return marks;
}

/**
 * The run states of the elements the layer paints, each as `RunElementMarks` outlines a mounted
 * node (`.run-mark`, in `--run-<state>`). None while no run is shown.
 */
export function runMarks(
  states: Readonly<Record<string, ElementRunState>> | undefined,
  lookup: Lookup,
  hidden: ReadonlySet<string>,
): RunMark[] {
  const marks: RunMark[] = [];
  if (!states) return marks;
  for (const [id, state] of Object.entries(states)) {
    const node = hidden.has(id) ? lookup.get(id) : undefined;
    if (!node) continue;
    const { x, y } = node.internals.positionAbsolute;
    marks.push({
      x,
      y,
      width: node.measured.width ?? 0,
      height: node.measured.height ?? 0,
      round: isRound(node.data.element.type),
      colour: `--run-${state}`,
    });
  }
  return marks;
}
