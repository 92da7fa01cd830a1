import { DEFAULT_BROKER } from '../../model/document';
import type { Diagnostic } from '../Diagnostic';
import type { MapIndex } from './mapIndex';
import { createMapDiagnostic, nodeLabel } from './mapDiagnostics';

/**
 * Checks how events travel between services: events nobody consumes (CHOR302; terminal events
 * need no consumer, and an initial one without is CHOR002) or publishes (CHOR303), and reactions that are not idempotent on a broker that delivers at least once
 * (CHOR304). A map without broker settings has the defaults (`DEFAULT_BROKER`: at least once).
 */
export function checkEventFlow(map: MapIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const at of map.events) {
    const node = map.elements[at];
    if (node?.type !== 'eventType') continue;
    const consumed = (map.subscribers[at] ?? 0) > 0;
    const published = (map.publishers[at] ?? 0) + (map.emitters[at] ?? 0) > 0;
    // An initial event nobody consumes is CHOR002: its instances never end.
    if (!consumed && node.terminal === undefined && !node.initial) {
      const detail = published
        ? 'is published, but no service reacts to it and it is not terminal'
        : 'is neither published nor consumed';
      diagnostics.push(createMapDiagnostic('CHOR302', node, detail));
    }
    if (consumed && !published && !node.initial) {
      const detail = 'has reactions, but no service publishes it and it is not initial';
      diagnostics.push(createMapDiagnostic('CHOR303', node, detail));
    }
  }
  return [...diagnostics, ...nonIdempotentReactions(map)];
}

function nonIdempotentReactions(map: MapIndex): Diagnostic[] {
  const delivery = (map.doc.broker ?? DEFAULT_BROKER).delivery;
  if (delivery !== 'at-least-once') return [];
  const label = (at: number) => {
    const element = map.elements[at];
    return element ? nodeLabel(element) : '?';
  };
  const broker = map.doc.broker ? 'the broker delivers' : 'the broker (by default) delivers';
  return map.reactions
    .filter(({ reaction }) => reaction.idempotent !== true && reaction.deduplicates !== true)
    .map(({ connection, event, service }) =>
      createMapDiagnostic(
        'CHOR304',
        connection,
        `of ${label(service)} to ${label(event)} is not idempotent, and ${broker} at least once: a redelivered event runs it twice`,
      ),
    );
}
