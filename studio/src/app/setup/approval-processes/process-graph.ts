/** The JSON machine config the engine serves at /api/v1/meta/approval-processes/:name/machine. */
export interface MachineConfigJson {
  id: string;
  initial: string;
  states: Record<string, MachineStateJson>;
}

type Target = { target?: string; guard?: unknown };

/** The step a gate's guard asks about (the engine's `skipped` guard names it in its params). */
const guardedStep = (guard: unknown): string | undefined => {
  const params = (guard as { params?: { step?: unknown } } | undefined)?.params;
  return typeof params?.step === 'string' ? params.step : undefined;
};

interface MachineStateJson {
  type?: string;
  always?: Target[];
  on?: Record<string, Target | Target[]>;
}

export type GraphNodeKind = 'start' | 'step' | 'end';
export type GraphEdgeKind = 'approve' | 'skip' | 'reject';

export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: GraphEdgeKind;
}

export const START_NODE = '__start';

const edgeId = (source: string, target: string) => `${source}->${target}`;
const targets = (value: Target | Target[] | undefined): Target[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * The process as a person reads it: the engine's gate states (which skip a step whose condition is
 * false) are folded into edges, so a gate becomes a plain arrow to its step plus a "skip" arrow to
 * what follows. Every step has a gate; given the steps that have a condition, only theirs draw a
 * skip arrow (the others are never skipped). RECALL arrows are left out: every step has one, and drawing them hides the path.
 */
export function processGraph(machine: MachineConfigJson, conditional?: ReadonlySet<string>): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const isGate = (id: string) => machine.states[id]?.always !== undefined;
  const nodes: GraphNode[] = [{ id: START_NODE, kind: 'start' }];
  const edges = new Map<string, GraphEdge>();
  const add = (source: string, target: string, kind: GraphEdgeKind) => {
    const id = edgeId(source, target);
    if (!edges.has(id)) edges.set(id, { id, source, target, kind });
  };
  /** An arrow into a state; into a gate it becomes the arrow to its step and a skip arrow past it. */
  const arrive = (source: string, target: string, kind: GraphEdgeKind): void => {
    if (!isGate(target)) return add(source, target, kind);
    for (const branch of machine.states[target]!.always!) {
      if (branch.target === undefined) continue;
      if (branch.guard === undefined) arrive(source, branch.target, kind);
      else if (conditional === undefined || conditional.has(guardedStep(branch.guard) ?? '')) arrive(source, branch.target, 'skip');
    }
  };
  for (const [id, state] of Object.entries(machine.states)) {
    if (isGate(id)) continue;
    nodes.push({ id, kind: state.type === 'final' ? 'end' : 'step' });
    for (const branch of targets(state.on?.APPROVE)) if (branch.target !== undefined) arrive(id, branch.target, 'approve');
    for (const branch of targets(state.on?.REJECT)) if (branch.target !== undefined) arrive(id, branch.target, 'reject');
  }
  arrive(START_NODE, machine.initial, 'approve');
  return { nodes, edges: [...edges.values()] };
}

/** The nodes and edges a simulation's path (the states it visited, in order) lights up. */
export function highlightedIds(path: readonly string[]): { nodes: Set<string>; edges: Set<string> } {
  if (path.length === 0) return { nodes: new Set(), edges: new Set() };
  const visited = [START_NODE, ...path];
  const edges = new Set<string>();
  for (let index = 1; index < visited.length; index += 1) edges.add(edgeId(visited[index - 1]!, visited[index]!));
  return { nodes: new Set(visited), edges };
}
