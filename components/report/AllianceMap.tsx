import type { Awareness, MapEdge, MapNode } from '@/utils/insights/types';
import { labelKey, ui, type MessageKey } from '@/utils/i18n';
import type { Stance } from '@/utils/model';
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

const AWARENESS_TEXT: Record<Awareness, MessageKey> = {
  full: 'map_awareFull',
  partial: 'map_awarePartial',
  none: 'map_awareNone',
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
    ? ui.t('map_nodeKeyHolder', { awareness: ui.t(AWARENESS_TEXT[node.awareness ?? 'none']) })
    : ui.t('map_nodeBacker');
  return ui.t('map_node', {
    name: node.name,
    who,
    stance: ui.t(labelKey('stance', node.stance)),
    influence: ui.t(labelKey('influence', node.influence)),
    level: ui.t(labelKey('level', node.level)),
  });
}

/** The numbers of the map in one sentence, for screen readers. */
export function mapSummary(nodes: readonly MapNode[], edges: readonly MapEdge[]): string {
  const holders = nodes.filter((node) => node.isKeyHolder);
  const aware = holders.filter((node) => node.awareness === 'full').length;
  const onSide = nodes.filter(
    (node) => node.stance === 'champion' || node.stance === 'supporter',
  ).length;
  const skeptics = nodes.filter((node) => node.stance === 'skeptic').length;
  return ui.t('map_summary', {
    people: ui.n('count_people', nodes.length),
    holders: ui.n('count_keyHolders', holders.length),
    aware,
    onSide,
    skeptics: ui.n('count_skeptics', skeptics),
    ties: ui.n('count_ties', edges.length),
  });
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
              {stance === 'unknown' ? ui.t('map_stanceUnknown') : ui.t(labelKey('stance', stance))}
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
              {ui.t(labelKey('mapInfluence', influence))}
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
          {ui.t('map_legendKnows')}
        </li>
        <li>
          <svg viewBox="0 0 16 16" class="map stance-neutral">
            <polygon class="marker aware-partial" points="8,1 15,8 8,15 1,8" />
          </svg>
          {ui.t('map_legendPartial')}
        </li>
        <li>
          <svg viewBox="0 0 16 16" class="map stance-neutral">
            <polygon class="marker aware-none" points="8,1 15,8 8,15 1,8" />
          </svg>
          {ui.t('map_legendNone')}
        </li>
        <li>
          <svg viewBox="0 0 16 16" class="map stance-for">
            <circle class="marker backer" cx="8" cy="8" r="5" />
          </svg>
          {ui.t('map_legendBacks')}
        </li>
        <li>
          <span class="swatch" style={{ background: 'var(--stance-for)' }} />{' '}
          {ui.t('map_legendFor')}
        </li>
        <li>
          <span class="swatch" style={{ background: 'var(--stance-against)' }} />{' '}
          {ui.t('stance_skeptic')}
        </li>
        <li>
          <span class="swatch-line" style={{ color: 'var(--map-tie)' }} /> {ui.t('map_legendTie')}
        </li>
      </ul>
      {omitted > 0 && <p class="muted">{ui.n('map_omitted', omitted)}</p>}
      <table class="sr-only">
        <caption>{ui.t('map_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{ui.t('record_name')}</th>
            <th scope="col">{ui.t('map_colKeyHolder')}</th>
            <th scope="col">{ui.t('people_stance')}</th>
            <th scope="col">{ui.t('map_colInfluence')}</th>
            <th scope="col">{ui.t('people_level')}</th>
            <th scope="col">{ui.t('map_colTiedTo')}</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => (
            <tr key={node.slug}>
              <th scope="row">{node.name}</th>
              <td>
                {node.isKeyHolder
                  ? ui.t('map_yesAware', {
                      awareness: ui.t(AWARENESS_TEXT[node.awareness ?? 'none']),
                    })
                  : ui.t('map_no')}
              </td>
              <td>{ui.t(labelKey('stance', node.stance))}</td>
              <td>{ui.t(labelKey('influence', node.influence))}</td>
              <td>{ui.t(labelKey('level', node.level))}</td>
              <td>{ui.list(tiedTo(node.slug)) || ui.t('map_nobodyShown')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
