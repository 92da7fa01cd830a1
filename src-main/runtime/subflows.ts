import { flowKey } from './definition';
import { isRecord, textOr } from './expressions';
import type { EffectRequest } from './machines';
import type { Requester } from './RunWorld';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A call activity or a map reaction starts a flow: it runs as a child actor of the run. */
export const startSubflow: Requester = (world, actor, request, step) => {
  const { params } = request;
  const reply =
    isRecord(request.context) && 'delivery' in request.context
      ? mapReply(request)
      : { elementId: String(params.elementId) };
  const key = flowKey({
    flowId: textOr(params.flowId, ''),
    version: params.version as number | 'latest',
  });
  const elementId = text(params.elementId) ?? nodeOf(actor);
  const requestSeq = step.record('request', actor, {
    effect: 'subflow',
    elementId,
    name: world.elementName(actor, elementId),
    flow: key,
  });
  const data = (request.context as { data?: unknown }).data;
  step.schedule(world.nowMs, 'subflow-start', actor, {
    request: requestSeq,
    flow: key,
    input: isRecord(data) ? data : {},
    reply,
  });
  return Promise.resolve();
};

/** The node id of a service actor (`svc:<node>:<copy>`), or the actor itself. */
export const nodeOf = (actor: string) =>
  actor.startsWith('svc:') ? (actor.split(':')[1] ?? actor) : actor;

/** The fields a service machine's result must carry: its delivery and the step in flight. */
export function mapReply(request: EffectRequest): Record<string, unknown> {
  const context = request.context as { delivery: { deliveryId: string } | null };
  return { deliveryId: context.delivery?.deliveryId, step: request.params.step };
}
