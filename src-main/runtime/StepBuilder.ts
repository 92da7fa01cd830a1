// What one step of a run writes (journal entries, agenda rows added and deleted), gathered as the
// step happens and committed by the runtime (re-exported by `RunWorld.ts`).
import type { AgendaRow, JournalRow } from './RunStore';
import type { RunWorld } from './RunWorld';

/** Everything one step writes; `RunWorld.step` fills it and the runtime commits it. */
export class StepBuilder {
  readonly journal: JournalRow[] = [];
  readonly agendaDeleted: number[] = [];
  readonly agendaAdded: AgendaRow[] = [];
  constructor(readonly world: RunWorld) {}

  record(kind: string, actor: string | null, data: Record<string, unknown>): number {
    const seq = ++this.world.state.seq;
    this.journal.push({ seq, atMs: this.world.nowMs, kind, actor, data });
    return seq;
  }

  /** Adds something due at `dueMs` (null: waits until the runtime is told). Returns its id. */
  schedule(
    dueMs: number | null,
    kind: string,
    actor: string,
    data: Record<string, unknown>,
  ): number {
    const id = ++this.world.state.nextAgenda;
    this.agendaAdded.push({ id, dueMs, kind, actor, data });
    return id;
  }

  remove(id: number): void {
    this.agendaDeleted.push(id);
  }

  /** Writes an item again under its own id (deleted, then inserted, in the same commit). */
  rewrite(row: AgendaRow): void {
    if (!this.agendaDeleted.includes(row.id)) this.agendaDeleted.push(row.id);
    const earlier = this.agendaAdded.findIndex((added) => added.id === row.id);
    if (earlier >= 0) this.agendaAdded.splice(earlier, 1);
    this.agendaAdded.push(row);
  }
}
