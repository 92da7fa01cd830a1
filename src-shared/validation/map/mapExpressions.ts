import type { Connection } from '../../model/document';
import type { Diagnostic } from '../Diagnostic';
import { syntaxProblems } from '../jsonataSyntax';
import { isBlank } from '../rules/ruleTypes';
import type { MapIndex } from './mapIndex';
import { createMapDiagnostic } from './mapDiagnostics';

/** An expression of a reaction and what it is, as a message names it. */
interface ReactionExpression {
  readonly connection: Connection;
  readonly field: string;
  readonly expression: string;
}

function* expressionsOf(map: MapIndex): Generator<ReactionExpression> {
  for (const { connection, reaction } of map.reactions) {
    if (!isBlank(reaction.condition)) {
      yield { connection, field: 'condition', expression: reaction.condition ?? '' };
    }
    for (const call of reaction.operations) {
      if (isBlank(call.input)) continue;
      yield { connection, field: `input of ${call.operation}`, expression: call.input ?? '' };
    }
  }
}

/**
 * Checks the syntax of the JSONata of every reaction (CHOR201): its condition and the input of
 * each operation it calls. Blank expressions count as absent; nothing is evaluated. Expressions
 * are parsed in batches (`syntaxProblems`), each distinct text once.
 */
export function checkMapExpressions(map: MapIndex): Diagnostic[] {
  const fields = [...expressionsOf(map)];
  const verdicts = syntaxProblems(fields.map((field) => field.expression));
  const diagnostics: Diagnostic[] = [];
  for (const { connection, field, expression } of fields) {
    const problem = verdicts.get(expression);
    if (!problem) continue;
    diagnostics.push(
      createMapDiagnostic('CHOR201', connection, `has invalid JSONata in its ${field}: ${problem}`),
    );
  }
  return diagnostics;
}
