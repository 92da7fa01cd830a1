import { describe } from 'vitest';
import { chain, el, flowOf, path } from '../../../test/shared/flows';
import { checkCases } from '../../../test/shared/ruleCases';
import type { WorkflowDocument } from '../../model/document';
import { indexFlow } from '../flowIndex';
import { checkEvents } from './events';
import { checkIntegrity } from './integrity';
import { checkScopes } from './scopes';

describe('events (FLOW015, FLOW016)', () => {
  const onTask = (boundary: ReturnType<typeof el.boundary>) =>
    flowOf(
      [el.start('s'), el.task('t'), boundary, el.wait('w'), el.end('e')],
      [...chain('s', 't', 'e'), path(boundary.id, 'e')],
    );
  checkCases(
    (doc) => checkEvents(indexFlow(doc)),
    [
      ['an error boundary on a task', onTask(el.boundary('b', 't')), []],
      [
        'a timer boundary with its timer',
        onTask(el.boundary('b', 't', { trigger: 'timer', timer: { durationMs: 1 } })),
        [],
      ],
      ['a boundary on a timer event', onTask(el.boundary('b', 'w')), [['FLOW015', 'b']]],
      ['a boundary on an unknown element', onTask(el.boundary('b', 'ghost')), [['FLOW015', 'b']]],
      ['a boundary attached to itself', onTask(el.boundary('b', 'b')), [['FLOW015', 'b']]],
      [
        'a timer boundary without a timer',
        onTask(el.boundary('b', 't', { trigger: 'timer' })),
        [['FLOW016', 'b']],
      ],
      [
        'a message start without an event type',
        flowOf([el.start('s', { trigger: 'message' }), el.end('e')], chain('s', 'e')),
        [['FLOW016', 's']],
      ],
      [
        'a message start with an event type',
        flowOf(
          [el.start('s', { trigger: 'message', eventType: 'OrderPlaced' }), el.end('e')],
          chain('s', 'e'),
        ),
        [],
      ],
      [
        'a timer start without a timer',
        flowOf([el.start('s', { trigger: 'timer' }), el.end('e')], chain('s', 'e')),
        [['FLOW016', 's']],
      ],
    ],
  );
});

describe('nesting and connections (FLOW017, FLOW020–FLOW022)', () => {
  const inside = (parent: string) =>
    flowOf(
      [
        el.start('s'),
        el.wait('w', { parent }),
        el.end('e'),
        { type: 'annotation', id: 'note', name: '', text: '' },
      ],
      chain('s', 'w', 'e'),
    );
  checkCases(
    (doc) => checkScopes(indexFlow(doc)),
    [
      ['a parent that does not exist', inside('ghost'), [['FLOW020', 'w']]],
      ['a parent that is an annotation', inside('note'), [['FLOW020', 'w']]],
      [
        'sub-processes inside each other',
        flowOf(
          [
            el.start('s'),
            { ...el.sub('a'), parent: 'b' },
            { ...el.sub('b'), parent: 'a' },
            el.end('e'),
          ],
          chain('s', 'e'),
        ),
        [
          ['FLOW020', 'a'],
          ['FLOW020', 'b'],
          ['FLOW021', 'a'],
          ['FLOW021', 'b'],
        ],
      ],
      [
        'a sub-process with two starts',
        flowOf(
          [
            el.start('s'),
            el.sub('sp'),
            el.start('i1', { parent: 'sp' }),
            el.start('i2', { parent: 'sp' }),
            el.end('o', { parent: 'sp' }),
            el.end('e'),
          ],
          [...chain('s', 'sp', 'e'), path('i1', 'o'), path('i2', 'o')],
        ),
        [['FLOW021', 'sp']],
      ],
      [
        'a path from inside a sub-process to the outside',
        flowOf(
          [el.start('s'), el.sub('sp'), el.start('i', { parent: 'sp' }), el.end('e')],
          [...chain('s', 'sp', 'e'), path('i', 'e')],
        ),
        [['FLOW022', 'i-e']],
      ],
      [
        'a boundary event of a task in a sub-process leading to an element beside the task',
        flowOf(
          [
            el.start('s'),
            el.sub('sp'),
            el.start('i', { parent: 'sp' }),
            el.task('t', { parent: 'sp' }),
            el.boundary('b', 't'),
            el.end('o', { parent: 'sp' }),
            el.end('e'),
          ],
          [...chain('s', 'sp', 'e'), ...chain('i', 't', 'o'), path('b', 'o')],
        ),
        [],
      ],
      [
        'a path into a start event',
        flowOf(
          [el.start('s'), el.wait('w'), el.end('e')],
          [...chain('s', 'w', 'e'), path('w', 's')],
        ),
        [['FLOW017', 'w-s']],
      ],
      [
        'a path out of an end event',
        flowOf(
          [el.start('s'), el.wait('w'), el.end('e')],
          [...chain('s', 'w', 'e'), path('e', 'w')],
        ),
        [['FLOW017', 'e-w']],
      ],
    ],
  );
});

describe('integrity (FLOW018, FLOW019, FLOW023, FLOW024)', () => {
  const base = () => flowOf([el.start('s'), el.end('e')], chain('s', 'e'));
  const withShape = (doc: WorkflowDocument, id: string): WorkflowDocument => ({
    ...doc,
    diagram: { shapes: { ...doc.diagram.shapes, [id]: { x: 0, y: 0 } } },
  });
  checkCases(
    (doc) => checkIntegrity(indexFlow(doc)),
    [
      ['a clean flow', base(), []],
      [
        'a path to an unknown element',
        flowOf([el.start('s'), el.end('e')], [...chain('s', 'e'), path('s', 'ghost')]),
        [['FLOW018', 's-ghost']],
      ],
      ['a shape for an unknown element', withShape(base(), 'ghost'), [['FLOW018', 'ghost']]],
      [
        'an element and a path with one id',
        flowOf([el.start('s'), el.end('e')], [path('s', 'e', { id: 'e' })]),
        [['FLOW019', 'e']],
      ],
      [
        'a choreography service in a flow',
        flowOf(
          [el.start('s'), el.end('e'), { type: 'service', id: 'svc', name: 'Svc' }],
          chain('s', 'e'),
        ),
        [['FLOW023', 'svc']],
      ],
      [
        'an element in a lane that exists',
        flowOf(
          [el.start('s', { lane: 'ops' }), el.end('e'), { type: 'lane', id: 'ops', name: 'Ops' }],
          chain('s', 'e'),
        ),
        [],
      ],
      [
        'an element in a lane that is not a lane',
        flowOf([el.start('s', { lane: 'e' }), el.end('e')], chain('s', 'e')),
        [['FLOW024', 's']],
      ],
      [
        'an annotation of a path',
        flowOf(
          [
            el.start('s'),
            el.end('e'),
            { type: 'annotation', id: 'n', name: '', text: 'hi', annotates: 's-e' },
          ],
          chain('s', 'e'),
        ),
        [],
      ],
      [
        'an annotation of nothing known',
        flowOf(
          [
            el.start('s'),
            el.end('e'),
            { type: 'annotation', id: 'n', name: '', text: 'hi', annotates: 'gone' },
          ],
          chain('s', 'e'),
        ),
        [['FLOW024', 'n']],
      ],
    ],
  );
});
