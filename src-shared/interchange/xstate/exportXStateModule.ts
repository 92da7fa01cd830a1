import { compileFlow } from '../../compiler/compileFlow';
import type { MachineJson, StateJson } from '../../compiler/machineTypes';
import { compileMap } from '../../compiler/map/compileMap';
import type { CompiledMap } from '../../compiler/map/mapTypes';
import type { WorkflowDocument } from '../../model/document';
import type { Diagnostic } from '../../validation/Diagnostic';
import { FLOW_ACTIONS, FLOW_GUARDS, FLOW_TYPES } from './flowModuleParts';
import { MAP_TYPES, SERVICE_ACTIONS, SERVICE_GUARDS, TRACKER_SETUP } from './mapModuleParts';

/** What exporting gives: the module's text (null when the document does not compile). */
export interface XStateModuleResult {
  readonly text: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The compiled machine(s) of a flow or map as one TypeScript module that needs only `xstate`:
 * `setup({ types, actors, delays, actions, guards }).createMachine(config)`, the config being
 * exactly what Baton compiles. Guards and bookkeeping actions are Baton's own, so the machine
 * decides as Baton's does; every effect (call, timer, publish…) is a typed stub with a comment
 * saying what it must do and which event it must send back.
 */
export function exportXStateModule(document: WorkflowDocument): XStateModuleResult {
  if (document.kind === 'map') {
    const { compiled, diagnostics } = compileMap(document);
    return { text: compiled ? mapModule(document, compiled) : null, diagnostics };
  }
  const { machine, diagnostics } = compileFlow(document);
  return { text: machine ? flowModule(document, machine) : null, diagnostics };
}

/** Names of the actions and guards a machine config refers to, in first-use order. */
export function namedImplementations(root: StateJson): { actions: string[]; guards: string[] } {
  const actions = new Set<string>();
  const guards = new Set<string>();
  const visit = (state: StateJson) => {
    for (const action of [...(state.entry ?? []), ...(state.exit ?? [])]) actions.add(action.type);
    const transitions = [
      ...(state.always ?? []),
      ...(state.onDone ?? []),
      ...Object.values(state.on ?? {}).flat(),
    ];
    for (const transition of transitions) {
      if (transition.guard) guards.add(transition.guard.type);
      for (const action of transition.actions ?? []) actions.add(action.type);
    }
    for (const child of Object.values(state.states ?? {})) visit(child);
  };
  visit(root);
  return { actions: [...actions], guards: [...guards] };
}

/** `*\/` would end the header comment early. */
const commentSafe = (text: string) => text.replace(/\*\//g, '* /').replace(/[\r\n]+/g, ' ');

function header(document: WorkflowDocument, what: string, imports: readonly string[]): string {
  const name = commentSafe(
    document.name ?? (document.kind === 'map' ? 'Untitled map' : 'Untitled flow'),
  );
  return `/**
 * ${name}: ${what}, exported by Baton as an XState v5 module.
 *
 * The machine is a pure decider: its states ask for effects by name (the \`effect.*\` actions)
 * and move on the events that report their results. Guards and data updates are implemented as
 * Baton runs them; each effect is a stub marked TODO that says what it must do and which event
 * it must send back (\`self.send(...)\`). Timers are effects too, so no delays are used; and no
 * actors are invoked: plug your own in behind the effects.
 *
 * Needs only \`xstate\` (v5). Do not edit the machine config by hand: export it again.
 */
import { ${imports.join(', ')} } from 'xstate';
`;
}

function implementations(
  names: readonly string[],
  table: Readonly<Record<string, string>>,
): string {
  return names
    .map((name) => {
      const code = table[name];
      if (code === undefined) throw new Error(`no implementation for "${name}"`);
      return code;
    })
    .join('\n');
}

function flowModule(document: WorkflowDocument, machine: MachineJson): string {
  const used = namedImplementations(machine);
  return `${header(document, 'an orchestration flow', ['assign', 'setup'])}
${FLOW_TYPES}
/** The flow's machine: start it, send \`instance.start\` with the input, then the effects' results. */
export const machine = setup({
  types: { context: {} as FlowContext, events: {} as FlowEvent },
  actors: {},
  delays: {},
  actions: {
${implementations(used.actions, FLOW_ACTIONS)}
  },
  guards: {
${implementations(used.guards, FLOW_GUARDS)}
  },
}).createMachine(${JSON.stringify(machine, null, 2)});
`;
}

function mapModule(document: WorkflowDocument, compiled: CompiledMap): string {
  const actions = new Set<string>();
  const guards = new Set<string>();
  for (const service of Object.values(compiled.services)) {
    const used = namedImplementations(service);
    used.actions.forEach((name) => actions.add(name));
    used.guards.forEach((name) => guards.add(name));
  }
  const services = Object.entries(compiled.services)
    .map(
      ([id, config]) =>
        `  ${JSON.stringify(id)}: serviceSetup.createMachine(${indent(JSON.stringify(config, null, 2))}),`,
    )
    .join('\n');
  const enqueues = [...actions].some(
    (name) => name.startsWith('effect.') && name !== 'effect.settle',
  );
  const imports = enqueues ? ['assign', 'enqueueActions', 'setup'] : ['assign', 'setup'];
  return `${header(document, 'a choreography map', imports)}
${MAP_TYPES}
/** What every service machine shares: run one copy per delivery it handles at once. */
const serviceSetup = setup({
  types: { context: {} as ServiceContext, events: {} as ServiceEvent },
  actors: {},
  delays: {},
  actions: {
${implementations([...actions], SERVICE_ACTIONS)}
  },
  guards: {
${implementations([...guards], SERVICE_GUARDS)}
  },
});

/** One machine per service on the map, by node id. */
export const services = {
${services}
};

${TRACKER_SETUP}

/** Follows one instance: every published event is a milestone; a terminal event ends it. */
export const tracker = trackerSetup.createMachine(${JSON.stringify(compiled.tracker, null, 2)});

/** How your broker must route events: who subscribes to what, and which events end an instance. */
export const broker = ${JSON.stringify(compiled.broker, null, 2)} as const;
`;
}

const indent = (text: string) => text.replace(/\n/g, '\n  ');
