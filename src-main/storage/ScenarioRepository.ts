import { BatonError } from '../../src-shared/contract/errors';
import { describeIssues } from '../../src-shared/contract/dispatch';
import type { SavedScenario } from '../../src-shared/runtime/debug';
import { checkScenario, Scenario } from '../../src-shared/runtime/scenario';
import type { Workspace } from './openWorkspace';
import { assertWorkflowExists, parsedColumn } from './rowChecks';

interface ScenarioRow {
  workflow_id: string;
  name: string;
  scenario: string;
  updated_at: number;
}

/**
 * The scenarios saved with each flow or map, by name (unique per workflow). They go when their
 * workflow is deleted (the table's foreign key cascades).
 */
export class ScenarioRepository {
  constructor(private readonly db: Workspace) {}

  /** A workflow's saved scenarios, by name. */
  list(workflowId: string): SavedScenario[] {
    assertWorkflowExists(this.db, workflowId);
    return this.db
      .prepare<[string], ScenarioRow>(
        'SELECT * FROM saved_scenarios WHERE workflow_id = ? ORDER BY name',
      )
      .all(workflowId)
      .map(toSaved);
  }

  /** Saves a scenario under a name, replacing one of the same name. */
  save(workflowId: string, name: string, scenario: Scenario, now: number): SavedScenario {
    assertWorkflowExists(this.db, workflowId);
    const checked = Scenario.safeParse(scenario);
    if (!checked.success)
      throw new BatonError(
        'invalid-input',
        `scenario "${name}" is not valid`,
        describeIssues(checked.error),
      );
    this.db
      .prepare(
        `INSERT INTO saved_scenarios (workflow_id, name, scenario, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (workflow_id, name) DO UPDATE SET scenario = excluded.scenario,
        updated_at = excluded.updated_at`,
      )
      .run(workflowId, name, JSON.stringify(checked.data), now);
    return { workflowId, name, scenario: checked.data, updatedAt: now };
  }

  /** Deletes a saved scenario; says whether there was one. */
  delete(workflowId: string, name: string): boolean {
    assertWorkflowExists(this.db, workflowId);
    const { changes } = this.db
      .prepare('DELETE FROM saved_scenarios WHERE workflow_id = ? AND name = ?')
      .run(workflowId, name);
    return changes > 0;
  }
}

function toSaved(row: ScenarioRow): SavedScenario {
  const value = parsedColumn(row.scenario);
  const checked = checkScenario(value);
  if (!checked.ok)
    throw new BatonError(
      'internal',
      `the saved scenario "${row.name}" is not valid: ${checked.problems.join('; ')}`,
    );
  return {
    workflowId: row.workflow_id,
    name: row.name,
    scenario: checked.scenario,
    updatedAt: row.updated_at,
  };
}
