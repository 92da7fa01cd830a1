import type { Diagnostic } from '../Diagnostic';
import { createDiagnostic } from '../diagnostics';
import type { FlowIndex } from '../flowIndex';

/** A place in the nesting of parallel branches: branch `branch` of `fork`, inside `outer`. */
export interface Branch {
  readonly fork: number;
  readonly branch: number;
  readonly outer: Branch | null;
}

/** What the block-structure check learnt, kept for the failure-mode lints. */
export interface BlockStructure {
  /**
   * The innermost parallel branch each element runs in: `null` outside any fork, `undefined`
   * where the check could not tell (unreached, or after a broken join).
   */
  readonly branchOf: readonly (Branch | null | undefined)[];
  readonly diagnostics: readonly Diagnostic[];
}

interface Arrival {
  readonly label: Branch | null;
  readonly from: string;
}

/** The branches of `label`, outermost first. */
function stackOf(label: Branch | null): Branch[] {
  const stack: Branch[] = [];
  for (let at = label; at !== null; at = at.outer) stack.unshift(at);
  return stack;
}

/**
 * Checks that flows are block-structured, as the compiler needs: every parallel fork's branches
 * meet at one parallel join (FLOW006) and every parallel join merges the branches of one fork
 * (FLOW007). Each element is labelled with the parallel branch it runs in, walking from every
 * start event once; a join is passed when all its incoming paths have arrived. Branches may
 * also end at an error or terminate end event, which ends the whole instance.
 */
export function checkBlockStructure(flow: FlowIndex): BlockStructure {
  return new BlockWalk(flow).run();
}

class BlockWalk {
  private readonly label: (Branch | null | undefined)[];
  private readonly arrivals = new Map<number, Arrival[]>();
  private readonly resolved = new Set<number>();
  private readonly queue: number[] = [];
  private head = 0;
  private readonly interned = new Map<Branch | null, Map<string, Branch>>();
  private readonly joinsOf = new Map<number, Set<number>>();
  private readonly forkProblems = new Map<number, string>();
  private readonly joinProblems = new Map<number, string>();

  constructor(private readonly flow: FlowIndex) {
    this.label = flow.elements.map(() => undefined);
  }

  run(): BlockStructure {
    this.flow.elements.forEach((element, index) => {
      if (element.type === 'startEvent') this.arrive(index, null, element.id);
    });
    for (;;) {
      while (this.head < this.queue.length) {
        this.propagate(this.queue[this.head] as number);
        this.head += 1;
      }
      // A join some of whose paths never arrive (they come from a loop after it, or from an
      // unreached element) is passed with what did arrive, so what follows is still checked.
      let waiting: number | undefined;
      for (const join of this.arrivals.keys()) {
        if (!this.resolved.has(join) && (waiting === undefined || join < waiting)) waiting = join;
      }
      if (waiting === undefined) break;
      this.resolveJoin(waiting);
    }
    return { branchOf: this.label, diagnostics: this.report() };
  }

  private isJoin(node: number): boolean {
    const element = this.flow.elements[node];
    return element?.type === 'parallelGateway' && (this.flow.incoming[node]?.length ?? 0) > 1;
  }

  private isFork(node: number): boolean {
    const element = this.flow.elements[node];
    return element?.type === 'parallelGateway' && (this.flow.successors[node]?.length ?? 0) > 1;
  }

  private branch(outer: Branch | null, fork: number, branch: number): Branch {
    let children = this.interned.get(outer);
    if (!children) this.interned.set(outer, (children = new Map<string, Branch>()));
    const key = `${fork}/${branch}`;
    let label = children.get(key);
    if (!label) children.set(key, (label = { fork, branch, outer }));
    return label;
  }

  private arrive(node: number, label: Branch | null, from: string): void {
    if (this.isJoin(node)) {
      let arrivals = this.arrivals.get(node);
      if (!arrivals) this.arrivals.set(node, (arrivals = []));
      arrivals.push({ label, from });
      if (this.resolved.has(node)) this.checkJoin(node);
      else if (arrivals.length === this.flow.incoming[node]?.length) this.resolveJoin(node);
      return;
    }
    const known = this.label[node];
    if (known === undefined) {
      this.label[node] = label;
      this.queue.push(node);
    } else if (known !== label) this.conflict(node, known, label);
  }

  private propagate(node: number): void {
    const label = this.label[node] ?? null;
    const element = this.flow.elements[node];
    if (!element) return;
    if (element.type === 'endEvent' && label !== null && (element.result ?? 'none') === 'none') {
      this.forkProblem(label.fork, `has a branch that ends at ${element.id} before its join`);
    }
    for (const boundary of this.flow.boundaries[node] ?? [])
      this.arrive(boundary, label, element.id);
    const fork = this.isFork(node);
    (this.flow.successors[node] ?? []).forEach((target, index) => {
      this.arrive(target, fork ? this.branch(label, node, index) : label, element.id);
    });
  }

  private resolveJoin(join: number): void {
    this.resolved.add(join);
    const arrivals = this.arrivals.get(join) ?? [];
    const first = arrivals[0]?.label;
    if (!this.checkJoin(join) || !first) return;
    const joins = this.joinsOf.get(first.fork) ?? new Set<number>();
    this.joinsOf.set(first.fork, joins.add(join));
    this.label[join] = first.outer;
    this.queue.push(join);
  }

  /** Is every path into `join` a different branch of one fork? Reports the join if not. */
  private checkJoin(join: number): boolean {
    const problem = joinProblem(this.flow, this.arrivals.get(join) ?? []);
    if (problem !== undefined && !this.joinProblems.has(join)) {
      this.joinProblems.set(join, problem);
    }
    return problem === undefined;
  }

  /** Two different branch labels meet at an element that is not a join. */
  private conflict(node: number, known: Branch | null, other: Branch | null): void {
    const id = this.flow.elements[node]?.id ?? '?';
    const a = stackOf(known);
    const b = stackOf(other);
    let depth = 0;
    while (depth < a.length && a[depth] === b[depth]) depth += 1;
    const left = a[depth];
    const right = b[depth];
    if (left && right && left.fork === right.fork) {
      this.forkProblem(left.fork, `has branches that meet at ${id}, which is not a parallel join`);
      return;
    }
    for (const escaped of [left, right]) {
      if (escaped) {
        this.forkProblem(escaped.fork, `has a branch that leaves it through ${id}`);
      }
    }
  }

  private forkProblem(fork: number, problem: string): void {
    if (!this.forkProblems.has(fork)) this.forkProblems.set(fork, problem);
  }

  private report(): Diagnostic[] {
    for (const [fork, joins] of this.joinsOf) {
      if (joins.size < 2) continue;
      const ids = [...joins].map((join) => this.flow.elements[join]?.id).join(', ');
      this.forkProblem(fork, `has branches that meet at several joins (${ids})`);
    }
    const diagnostics: Diagnostic[] = [];
    for (const [fork, problem] of this.forkProblems) {
      diagnostics.push(createDiagnostic('FLOW006', this.flow.elements[fork], problem));
    }
    for (const [join, problem] of this.joinProblems) {
      diagnostics.push(createDiagnostic('FLOW007', this.flow.elements[join], problem));
    }
    return diagnostics;
  }
}

function joinProblem(flow: FlowIndex, arrivals: readonly Arrival[]): string | undefined {
  const outside = arrivals.find((arrival) => arrival.label === null);
  if (outside) return `waits for the path from ${outside.from}, which is not a parallel branch`;
  const forks = new Set(arrivals.map((arrival) => arrival.label?.fork));
  if (forks.size > 1) {
    const ids = [...forks].map((fork) => flow.elements[fork ?? -1]?.id).join(' and ');
    return `merges branches of different forks (${ids})`;
  }
  const seen = new Set<number>();
  for (const { label, from } of arrivals) {
    if (!label) continue;
    if (seen.has(label.branch)) {
      const fork = flow.elements[label.fork]?.id ?? '?';
      return `is reached twice from one branch of ${fork} (again from ${from}) and waits forever`;
    }
    seen.add(label.branch);
  }
  return undefined;
}
