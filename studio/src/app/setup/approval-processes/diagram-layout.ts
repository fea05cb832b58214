import ELK from 'elkjs/lib/elk-api.js';
// ELK itself (460 KB gzipped, compiled from Java) runs in a worker file of its own: fetched when the
// first diagram is laid out, and the layout never blocks the page.
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { GraphEdge, GraphNode } from './process-graph';

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 48;

const elk = new ELK({ workerFactory: () => new Worker(elkWorkerUrl) });

/**
 * Where each node of the process goes: ELK's layered layout, top to bottom, so the steps read in
 * order and the skip and reject arrows run beside them. Only this lazy chunk imports elkjs.
 */
export async function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Promise<Map<string, { x: number; y: number }>> {
  const laid = await elk.layout({
    id: 'process',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': '32',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.edgeRouting': 'SPLINES',
    },
    children: nodes.map((node) => ({ id: node.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  return new Map((laid.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]));
}
