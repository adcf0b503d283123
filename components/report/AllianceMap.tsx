import type { Awareness, MapEdge, MapNode } from '@/utils/insights/types';
import { LABELS, type Stance } from '@/utils/model';
import {
  CELL_SIZE,
  INFLUENCE_ROWS,
  MAP_HEIGHT,
  MAP_PAD,
  MAP_WIDTH,
  STANCE_COLUMNS,
  cellOrigin,
  layoutMap,
  type PlacedNode,
} from './map-layout';

const NODE_RADIUS = 7;

const AWARENESS_TEXT: Record<Awareness, string> = {
  full: 'knows your recent work',
  partial: 'knows it through a sponsor or champion',
  none: 'does not know your recent work',
};

function stanceClass(stance: Stance): string {
  if (stance === 'champion' || stance === 'supporter') return 'stance-for';
  return stance === 'skeptic' ? 'stance-against' : 'stance-neutral';
}

/** The marker's fill: a key holder's shows how much they know of the user's work. */
function fillClass(node: MapNode): string {
  return node.isKeyHolder ? `aware-${node.awareness ?? 'none'}` : 'backer';
}

/** A diamond for a key holder, a circle for anyone else. */
function Marker({ node }: { node: PlacedNode }) {
  const cls = `marker ${fillClass(node)}`;
  if (!node.isKeyHolder) return <circle class={cls} cx={node.x} cy={node.y} r={NODE_RADIUS - 1} />;
  const r = NODE_RADIUS + 2;
  const points = [
    [node.x, node.y - r],
    [node.x + r, node.y],
    [node.x, node.y + r],
    [node.x - r, node.y],
  ];
  return <polygon class={cls} points={points.map((p) => p.join(',')).join(' ')} />;
}

/** One sentence per person: what the map shows of them. */
export function describeNode(node: MapNode): string {
  const who = node.isKeyHolder
    ? `key holder, ${AWARENESS_TEXT[node.awareness ?? 'none']}`
    : 'backs you';
  return `${node.name}: ${who}; stance ${LABELS.stance[node.stance].toLowerCase()}, influence ${LABELS.influence[node.influence].toLowerCase()}, level ${LABELS.level[node.level]}`;
}

/** The numbers of the map in one sentence, for screen readers. */
export function mapSummary(nodes: readonly MapNode[], edges: readonly MapEdge[]): string {
  const holders = nodes.filter((node) => node.isKeyHolder);
  const aware = holders.filter((node) => node.awareness === 'full').length;
  const onSide = nodes.filter(
    (node) => node.stance === 'champion' || node.stance === 'supporter',
  ).length;
  const skeptics = nodes.filter((node) => node.stance === 'skeptic').length;
  return `Alliance map of ${nodes.length} people: ${holders.length} key holders, of whom ${aware} know your recent work; ${onSide} on your side, ${skeptics} skeptics; ${edges.length} ties.`;
}

/**
 * The alliance map: key holders and allies placed by stance (across) and influence (up), ties
 * drawn between them, so the user sees at a glance who is on their side and who decides. Names
 * are SVG text (never markup); the same content is in a visually hidden table.
 */
export function AllianceMap({
  nodes,
  edges,
  omitted,
}: {
  nodes: readonly MapNode[];
  edges: readonly MapEdge[];
  omitted: number;
}) {
  if (nodes.length === 0) {
    return (
      <p class="muted">
        Nobody to map yet: set the level, influence and stance of the people above you, and tag your
        allies.
      </p>
    );
  }
  const placed = layoutMap(nodes);
  const bySlug = new Map(placed.map((node) => [node.slug, node]));
  const names = new Map(nodes.map((node) => [node.slug, node.name]));
  const tiedTo = (slug: string) =>
    edges
      .filter((edge) => edge.a === slug || edge.b === slug)
      .map((edge) => names.get(edge.a === slug ? edge.b : edge.a) ?? '');
  const label = mapSummary(nodes, edges);
  return (
    <figure class="stack" style={{ margin: 0 }}>
      <svg
        class="chart map"
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-label={label}
      >
        <title>{label}</title>
        {STANCE_COLUMNS.map((stance, i) => (
          <g key={stance}>
            {i % 2 === 1 && (
              <rect
                class="band"
                x={cellOrigin(stance, 'high').x}
                y={MAP_PAD.top}
                width={CELL_SIZE.width}
                height={MAP_HEIGHT - MAP_PAD.top}
              />
            )}
            <text
              class="cell-label"
              x={cellOrigin(stance, 'high').x + CELL_SIZE.width / 2}
              y={MAP_PAD.top - 8}
              text-anchor="middle"
            >
              {stance === 'unknown' ? 'Stance unknown' : LABELS.stance[stance]}
            </text>
          </g>
        ))}
        {INFLUENCE_ROWS.map((influence) => (
          <g key={influence}>
            <line
              class="grid"
              x1={MAP_PAD.left}
              x2={MAP_WIDTH}
              y1={cellOrigin('unknown', influence).y}
              y2={cellOrigin('unknown', influence).y}
            />
            <text
              class="cell-label"
              x={MAP_PAD.left - 6}
              y={cellOrigin('unknown', influence).y + CELL_SIZE.height / 2}
              text-anchor="end"
            >
              {influence === 'unknown' ? 'Influence ?' : `${LABELS.influence[influence]} infl.`}
            </text>
          </g>
        ))}
        {edges.map((edge) => {
          const a = bySlug.get(edge.a);
          const b = bySlug.get(edge.b);
          return a && b ? (
            <line key={`${edge.a} ${edge.b}`} class="tie" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
          ) : null;
        })}
        {placed.map((node) => (
          <g key={node.slug} class={`node ${stanceClass(node.stance)}`}>
            <title>{describeNode(node)}</title>
            <Marker node={node} />
            {node.label !== null && (
              <text class="node-name" x={node.x} y={node.y + NODE_RADIUS + 12} text-anchor="middle">
                {node.label}
              </text>
            )}
          </g>
        ))}
      </svg>
      <ul class="legend" aria-hidden="true">
        <li>
          <svg viewBox="0 0 16 16" class="map stance-neutral">
            <polygon class="marker aware-full" points="8,1 15,8 8,15 1,8" />
          </svg>
          Key holder who knows your work
        </li>
        <li>
          <svg viewBox="0 0 16 16" class="map stance-neutral">
            <polygon class="marker aware-partial" points="8,1 15,8 8,15 1,8" />
          </svg>
          Knows it through a sponsor or champion
        </li>
        <li>
          <svg viewBox="0 0 16 16" class="map stance-neutral">
            <polygon class="marker aware-none" points="8,1 15,8 8,15 1,8" />
          </svg>
          Does not know your work
        </li>
        <li>
          <svg viewBox="0 0 16 16" class="map stance-for">
            <circle class="marker backer" cx="8" cy="8" r="5" />
          </svg>
          Backs you
        </li>
        <li>
          <span class="swatch" style={{ background: 'var(--stance-for)' }} /> For you
        </li>
        <li>
          <span class="swatch" style={{ background: 'var(--stance-against)' }} /> Skeptic
        </li>
        <li>
          <span class="swatch-line" style={{ color: 'var(--map-tie)' }} /> Tie
        </li>
      </ul>
      {omitted > 0 && (
        <p class="muted">
          {omitted} more {omitted === 1 ? 'person is' : 'people are'} not shown, to keep the map
          readable.
        </p>
      )}
      <table class="sr-only">
        <caption>The people on the alliance map</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key holder</th>
            <th scope="col">Stance</th>
            <th scope="col">Influence</th>
            <th scope="col">Level</th>
            <th scope="col">Tied to</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => (
            <tr key={node.slug}>
              <th scope="row">{node.name}</th>
              <td>
                {node.isKeyHolder ? `Yes, ${AWARENESS_TEXT[node.awareness ?? 'none']}` : 'No'}
              </td>
              <td>{LABELS.stance[node.stance]}</td>
              <td>{LABELS.influence[node.influence]}</td>
              <td>{LABELS.level[node.level]}</td>
              <td>{tiedTo(node.slug).join(', ') || 'Nobody shown'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
