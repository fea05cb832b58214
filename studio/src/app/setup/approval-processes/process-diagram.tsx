import { MarkerType, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './diagram-layout';
import { highlightedIds, processGraph, type GraphEdgeKind, type MachineConfigJson } from './process-graph';

export interface ProcessDiagramProps {
  readonly machine: MachineConfigJson;
  /** The steps with a condition: only they draw a skip arrow. */
  readonly conditional: ReadonlySet<string>;
  /** The shown name of a node: a step's label, or what an end means. */
  readonly labelOf: (id: string) => string;
  /** A simulation's path (the states visited, in order): lit up, the rest dimmed. */
  readonly path: readonly string[];
  /** Opens a step's panel (click, or Enter on a focused step). */
  readonly onOpen: (id: string) => void;
}

/**
 * The compiled machine drawn as a diagram (@xyflow/react, laid out by elkjs): loaded lazily, so
 * neither library is part of the setup chunk. Steps are focusable with their names as labels;
 * the page's ordered list of steps says the same in words.
 */
export default function ProcessDiagram({ machine, conditional, labelOf, path, onOpen }: ProcessDiagramProps) {
  const { t } = useTranslation();
  const graph = useMemo(() => {
    const { nodes, edges } = processGraph(machine, conditional);
    // A recall leads from every step to the same end: drawn, it would only hide the path.
    const linked = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
    return { nodes: nodes.filter((node) => linked.has(node.id)), edges };
  }, [machine, conditional]);
  // Each layout keeps the graph it was made for: the view is fitted again (a new ReactFlow) for each.
  const [layout, setLayout] = useState<{ version: number; positions: Map<string, { x: number; y: number }> }>();
  useEffect(() => {
    let current = true;
    void layoutGraph(graph.nodes, graph.edges).then((positions) => current && setLayout((previous) => ({ version: (previous?.version ?? 0) + 1, positions })));
    return () => {
      current = false;
    };
  }, [graph]);

  const lit = highlightedIds(path);
  const dim = (id: string, set: Set<string>) => (path.length === 0 ? '' : set.has(id) ? ' is-lit' : ' is-dim');
  const edgeText: Record<GraphEdgeKind, string> = { approve: t('setup.approvals.edgeApprove'), skip: t('setup.approvals.edgeSkip'), reject: t('setup.approvals.edgeReject') };
  if (!layout) return <p className="approvals-diagram-loading">{t('setup.approvals.diagramLoading')}</p>;

  const nodes: Node[] = graph.nodes.map((node) => ({
    id: node.id,
    position: layout.positions.get(node.id) ?? { x: 0, y: 0 },
    // The sizes ELK laid out with: the view fits the whole process before the nodes are measured.
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    data: { label: labelOf(node.id) },
    type: node.kind === 'start' ? 'input' : node.kind === 'end' ? 'output' : 'default',
    className: `approvals-node approvals-node-${node.kind} approvals-node-${node.id}${dim(node.id, lit.nodes)}`,
    ariaLabel: labelOf(node.id),
    draggable: false,
    connectable: false,
    focusable: node.kind === 'step',
  }));
  const edges: Edge[] = graph.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    label: edge.kind === 'approve' ? undefined : edgeText[edge.kind],
    className: `approvals-edge approvals-edge-${edge.kind}${dim(edge.id, lit.edges)}`,
    markerEnd: { type: MarkerType.ArrowClosed },
    focusable: false,
  }));

  return (
    <div className="approvals-diagram-canvas">
      <ReactFlow
        key={layout.version}
        nodes={nodes}
        edges={edges}
        fitView
        fitViewOptions={{ padding: 0.08 }}
        onInit={(flow) => void flow.fitView({ padding: 0.08 })}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        zoomOnScroll={false}
        panOnScroll={false}
        preventScrolling={false}
        minZoom={0.3}
        onNodeClick={(_, node) => onOpen(node.id)}
        onNodesChange={(changes) => {
          // Enter or Space on a focused step selects it: that opens its panel as a click does.
          for (const change of changes) if (change.type === 'select' && change.selected) onOpen(change.id);
        }}
        ariaLabelConfig={{
          'node.a11yDescription.default': t('setup.approvals.diagramHelp'),
          'node.a11yDescription.keyboardDisabled': t('setup.approvals.diagramHelp'),
          'edge.a11yDescription.default': '',
        }}
      />
    </div>
  );
}
