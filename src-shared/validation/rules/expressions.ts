import type { Connection, Element } from '../../model/document';
import type { Diagnostic } from '../Diagnostic';
import { createDiagnostic } from '../diagnostics';
import type { FlowIndex } from '../flowIndex';
import { syntaxProblems } from '../jsonataSyntax';
import { isBlank } from './ruleTypes';

/** An expression of the flow and what it is, as a message names it. */
interface ExpressionField {
  readonly subject: Element | Connection;
  readonly field: string;
  readonly expression: string | undefined;
}

function* expressionsOf(flow: FlowIndex): Generator<ExpressionField> {
  for (const element of flow.elements) {
    const subject = element;
    if (element.type === 'serviceTask') {
      yield { subject, field: 'input mapping', expression: element.input };
      yield { subject, field: 'output mapping', expression: element.output };
      const compensation = element.compensation?.input;
      yield { subject, field: 'compensation input mapping', expression: compensation };
    } else if (element.type === 'messageCatch') {
      yield { subject, field: 'correlation', expression: element.correlation };
    } else if (element.type === 'messageThrow') {
      yield { subject, field: 'payload', expression: element.payload };
    }
  }
  for (const connection of flow.connections) {
    yield { subject: connection, field: 'condition', expression: connection.condition };
  }
}

/**
 * Checks the syntax of every JSONata expression of the flow (FLOW201): mappings, payloads,
 * correlations and conditions. Blank expressions count as absent; nothing is evaluated.
 */
export function checkExpressions(flow: FlowIndex): Diagnostic[] {
  const fields = [...expressionsOf(flow)].filter((field) => !isBlank(field.expression));
  const verdicts = syntaxProblems(fields.map((field) => field.expression ?? ''));
  const diagnostics: Diagnostic[] = [];
  for (const { subject, field, expression = '' } of fields) {
    const problem = verdicts.get(expression);
    if (!problem) continue;
    diagnostics.push(
      createDiagnostic('FLOW201', subject, `has invalid JSONata in its ${field}: ${problem}`),
    );
  }
  return diagnostics;
}
