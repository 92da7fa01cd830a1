/**
 * The strongly connected components of the part of a graph made of `nodes` (Tarjan's algorithm,
 * iterative so that a 10,000-step chain does not overflow the stack). Nodes are positions below
 * `size`; `next` gives a node's successors, and successors outside `nodes` are ignored.
 */
export function stronglyConnectedComponents(
  size: number,
  nodes: readonly number[],
  next: (node: number) => readonly number[],
): number[][] {
  const included = new Uint8Array(size);
  for (const node of nodes) included[node] = 1;
  const order = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  const enter = (node: number) => {
    order[node] = counter;
    low[node] = counter;
    counter += 1;
    stack.push(node);
    onStack[node] = 1;
  };
  // The depth-first path as two parallel stacks: the node, and how many of its edges are done.
  const pathNodes: number[] = [];
  const pathEdges: number[] = [];
  for (const root of nodes) {
    if (order[root] !== -1) continue;
    enter(root);
    pathNodes.push(root);
    pathEdges.push(0);
    while (pathNodes.length > 0) {
      const top = pathNodes.length - 1;
      const node = pathNodes[top] as number;
      const edge = pathEdges[top] as number;
      const edges = next(node);
      if (edge < edges.length) {
        pathEdges[top] = edge + 1;
        const target = edges[edge] as number;
        if (!included[target]) continue;
        if (order[target] === -1) {
          enter(target);
          pathNodes.push(target);
          pathEdges.push(0);
        } else if (onStack[target]) low[node] = Math.min(low[node] ?? 0, order[target] ?? 0);
        continue;
      }
      pathNodes.pop();
      pathEdges.pop();
      const parent = pathNodes[pathNodes.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] ?? 0, low[node] ?? 0);
      if (low[node] === order[node]) components.push(popComponent(stack, onStack, node));
    }
  }
  return components;
}

function popComponent(stack: number[], onStack: Uint8Array, root: number): number[] {
  const component: number[] = [];
  for (;;) {
    const member = stack.pop() as number;
    onStack[member] = 0;
    component.push(member);
    if (member === root) return component;
  }
}
