// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MapSummary } from '@/components/report/MapSummary';
import { ReportView } from '@/components/report/ReportView';
import { TouchesChart, axisTop } from '@/components/report/TouchesChart';
import { TrendChart } from '@/components/report/TrendChart';
import { weeklyReport, type MapNode, type WeekTouches } from '@/utils/insights';
import { FIRST_RUN_PATH } from '@/utils/first-run';
import { DAY_MS, DEFAULT_SETTINGS, TOUCH_KINDS, type TouchKind } from '@/utils/model';
import { demoDataset } from '../../support/dataset';

let host: HTMLElement;
function mount(vnode: preact.ComponentChild): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(vnode, host);
  return host;
}
afterEach(() => {
  render(null, host);
  host.remove();
});

function node(slug: string, fields: Partial<MapNode> = {}): MapNode {
  return {
    slug,
    name: slug,
    influence: 'high',
    stance: 'champion',
    level: 'plus2',
    isKeyHolder: false,
    awareness: null,
    roles: ['ally'],
    ...fields,
  };
}

function week(weekStart: number, counts: Partial<Record<TouchKind, number>>): WeekTouches {
  const byKind = Object.fromEntries(TOUCH_KINDS.map((kind) => [kind, counts[kind] ?? 0])) as Record<
    TouchKind,
    number
  >;
  return { weekStart, byKind, total: Object.values(byKind).reduce((a, b) => a + b, 0) };
}

describe('MapSummary', () => {
  it('sums the map up and leads to the map page', () => {
    const root = mount(
      <MapSummary
        map={{
          nodes: [
            node('dana', { isKeyHolder: true, awareness: 'full' }),
            node('hugo', { isKeyHolder: true, awareness: 'none' }),
            node('sam'),
          ],
          edges: [],
          omitted: 2,
        }}
      />,
    );
    expect(root.textContent).toContain(
      '2 key holders, of whom 1 knows your recent work, and 3 people who back you.',
    );
    expect(root.querySelector('a')?.getAttribute('href')).toBe('/map.html');
  });

  it('leads to the first run when there is nobody to map', () => {
    const root = mount(<MapSummary map={{ nodes: [], edges: [], omitted: 0 }} />);
    expect(root.textContent).toContain('Nobody on your map yet.');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('/welcome.html');
  });
});

describe('TrendChart', () => {
  it('gives the numbers to screen readers and draws both series', () => {
    const trend = [0, 1, 2].map((i) => ({
      weekStart: Date.UTC(2025, 0, 6 + 7 * i),
      visibility: 10 * i,
      connectivity: 50 + i,
    }));
    const root = mount(<TrendChart trend={trend} />);
    const svg = root.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Scores over the last 3 weeks, oldest first. Visibility: 0, 10, 20. Connectivity: 50, 51, 52.',
    );
    expect(svg.querySelector('title')?.textContent).toBe(svg.getAttribute('aria-label'));
    expect(svg.querySelectorAll('polyline')).toHaveLength(2);
    const rows = [...root.querySelectorAll('table tbody tr')].map((row) =>
      [...row.children].slice(1).map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['0', '50'],
      ['10', '51'],
      ['20', '52'],
    ]);
  });
});

describe('TouchesChart', () => {
  it('stacks one bar segment per kind and lists only the kinds logged', () => {
    const weeks = [
      week(Date.UTC(2025, 0, 6), { 'shared-work': 2, message: 1 }),
      week(Date.UTC(2025, 0, 13), {}),
    ];
    const root = mount(<TouchesChart weeks={weeks} empty="No touches." />);
    expect(root.querySelector('svg')?.getAttribute('aria-label')).toBe(
      'Touches per week over the last 2 weeks, oldest first: 3, 0.',
    );
    expect(root.querySelectorAll('svg rect')).toHaveLength(2);
    expect([...root.querySelectorAll('.legend li')].map((li) => li.textContent?.trim())).toEqual([
      'Shared my work or a win',
      'Message',
    ]);
  });

  it('rounds the axis up to a readable number', () => {
    expect([0, 4, 7, 12, 120, 5000].map(axisTop)).toEqual([5, 5, 10, 20, 200, 5000]);
  });
});

describe('ReportView', () => {
  it('renders the demo week: scores, the head of office as a risk and next actions naming people', () => {
    const now = new Date(2025, 2, 12, 12).getTime();
    const data = { ...demoDataset(now), settings: DEFAULT_SETTINGS };
    const report = weeklyReport(data, now, { now });
    const root = mount(<ReportView report={report} />);
    expect(root.querySelector('[data-score="visibility"] .score-value')?.textContent).toBe(
      String(report.visibility.score),
    );
    expect(root.querySelector('[data-section="unaware"]')?.textContent).toContain('Dana Lee');
    const actions = [...root.querySelectorAll('[data-section="next-actions"] li')].map(
      (li) => li.textContent,
    );
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.length).toBeLessThanOrEqual(5);
    for (const [i, action] of report.nextActions.entries())
      expect(actions[i]).toContain(action.personName);
    expect(root.querySelectorAll('svg[role="img"]')).toHaveLength(2);
    expect(root.querySelector('[data-section="map"] a')?.getAttribute('href')).toBe('/map.html');
  });

  it('shows the first ten of a long list and all of them on request', () => {
    const now = new Date(2025, 2, 12, 12).getTime();
    const base = demoDataset(now);
    const people = Array.from({ length: 25 }, (_, i) => ({
      ...base.people[2]!,
      slug: `ally-${i}`,
      name: `Ally ${i}`,
      createdAt: now - 400 * DAY_MS,
    }));
    const report = weeklyReport({ ...base, people, touches: [], settings: DEFAULT_SETTINGS }, now, {
      now,
    });
    const root = mount(<ReportView report={report} />);
    const cold = () => root.querySelectorAll('[data-section="cold"] li').length;
    expect(cold()).toBe(10);
    const button = root.querySelector<HTMLButtonElement>('[data-section="cold"] button')!;
    expect(button.textContent).toBe('Show all 25');
    button.click();
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(cold()).toBe(25);
        resolve();
      }),
    );
  });

  it('with nothing recorded, shows the first steps with where to take them', () => {
    const now = new Date(2025, 2, 12, 12).getTime();
    const empty = { people: [], touches: [], notes: [], ties: [], followUps: [] };
    const report = weeklyReport({ ...empty, settings: DEFAULT_SETTINGS }, now, { now });
    let opened = 0;
    const root = mount(<ReportView report={report} onOpenSidePanel={() => (opened += 1)} />);
    const steps = [...root.querySelectorAll('[data-section="next-actions"] li')];
    expect(steps.map((li) => li.getAttribute('data-place'))).toEqual([
      'import',
      'side-panel',
      'side-panel',
    ]);
    expect(steps[0]?.querySelector('a')?.getAttribute('href')).toBe(FIRST_RUN_PATH);
    expect(steps[0]?.textContent).toMatch(
      /^Import your LinkedIn connections if you have not yet, then tag the people who support your work: /,
    );
    steps[1]?.querySelector('button')?.click();
    expect(opened).toBe(1);
    expect(root.querySelector('[data-section="unaware"]')?.textContent).toContain(
      'No key holders yet',
    );
    expect(root.querySelector('[data-section="cold"]')?.textContent).toContain('Nobody tagged yet');
    expect(root.querySelector('[data-score="visibility"] .score-parts')).toBeNull();
  });

  it('puts the new role first and gives each listed finding its next step', () => {
    const now = new Date(2025, 2, 12, 12).getTime();
    const data = demoDataset(now);
    const settings = { ...DEFAULT_SETTINGS, roleStartedAt: now - 10 * DAY_MS };
    const report = weeklyReport({ ...data, settings }, now, { now });
    const root = mount(<ReportView report={report} />);
    const sections = [...root.querySelectorAll('section')].map((s) => s.dataset.section);
    expect(sections[0]).toBe('new-role');
    expect(root.querySelector('[data-section="new-role"]')?.textContent).toContain(
      'Day 11 of your first 90 days in your new role',
    );
    const risk = root.querySelector('[data-section="unaware"] li');
    expect(risk?.textContent).toContain('Next step: Share a recent win with Dana Lee');
    // Without a way to open the side panel, no button pretends to.
    expect(root.querySelectorAll('[data-section="next-actions"] button')).toHaveLength(0);
  });
});
