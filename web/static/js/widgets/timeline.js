// Commitments per month, stacked by topic, with meetings marked below the
// axis. Calls GET /v1/commitments (all pages up to a bound, for the split by
// topic), GET /v1/meetings (the markers), GET /v1/stats (the monthly totals)
// and GET /v1/topics. Alone: /widgets/timeline?topic=connectivity

import { getAll, getJSON } from '../api.js';
import { h, Loader, topicStyle, field, topicSelect, note, dateText } from '../ui.js';

const MAX = 5000; // commitments read for the split by topic

function monthOf(d) {
  return d && d.length >= 7 ? d.slice(0, 7) : '';
}

function monthsBetween(a, b) {
  const out = [];
  let [y, m] = a.split('-').map(Number);
  const [y1, m1] = b.split('-').map(Number);
  while (y < y1 || (y === y1 && m <= m1)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

const svg = (tag, attrs, ...kids) => h(`svg:${tag}`, attrs, ...kids);

/** chart draws the stacked bars; series are [{slug, label, colour}], counts[month][slug]. */
function chart(months, series, counts, meetings, { title }) {
  const W = 960;
  const H = 330;
  const m = { top: 16, right: 16, bottom: 74, left: 44 };
  const iw = W - m.left - m.right;
  const ih = H - m.top - m.bottom;
  const totals = months.map((mo) => series.reduce((s, t) => s + ((counts[mo] || {})[t.slug] || 0), 0));
  const maxY = Math.max(1, ...totals);
  const step = maxY <= 5 ? 1 : maxY <= 12 ? 2 : Math.ceil(maxY / 6 / 5) * 5;
  const top = Math.ceil(maxY / step) * step;
  const y = (v) => m.top + ih - (v / top) * ih;
  const bw = iw / months.length;
  const g = svg('g', {});
  for (let v = 0; v <= top; v += step) {
    g.append(svg('line', { x1: m.left, x2: W - m.right, y1: y(v), y2: y(v), class: v ? 'gridline' : 'axis' }),
      svg('text', { x: m.left - 6, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' }, String(v)));
  }
  // label whole calendar steps (months, quarters, half-years, years) so that about 14 fit
  const labelStep = [1, 2, 3, 6, 12].find((k) => months.length / k <= 14) || 12 * Math.ceil(months.length / 14 / 12);
  months.forEach((mo, i) => {
    const x = m.left + i * bw;
    let acc = 0;
    for (const t of series) {
      const n = (counts[mo] || {})[t.slug] || 0;
      if (!n) continue;
      g.append(svg('rect', {
        x: x + bw * 0.12, width: Math.max(1, bw * 0.76), y: y(acc + n), height: y(acc) - y(acc + n),
        fill: t.colour, class: 'bar', dataset: { month: mo, topic: t.slug },
      }, svg('title', {}, `${dateText(mo)} · ${t.label}: ${n}`)));
      acc += n;
    }
    const [yy, mm] = mo.split('-');
    const k = Number(mm) - 1;
    if (k % Math.min(labelStep, 12) === 0 && (labelStep < 12 || Number(yy) % (labelStep / 12) === 0)) {
      const text = labelStep >= 12 ? yy : mm === '01' ? `Jan ${yy}` : dateText(mo).slice(0, 3);
      g.append(svg('line', { x1: x, x2: x, y1: m.top + ih, y2: m.top + ih + 4, class: 'axis' }),
        svg('text', { x: x + 2, y: m.top + ih + 16, class: ['tick', mm === '01' && 'year'], 'text-anchor': 'start' }, text));
    }
    const ms = meetings.get(mo);
    if (ms) {
      const reported = ms.filter((x) => !x.from_reference);
      const cx = x + bw / 2;
      const cy = m.top + ih + 34;
      g.append(svg('g', { class: 'meeting-mark', dataset: { month: mo } },
        svg('path', { d: `M${cx - 7},${cy + 6} L${cx},${cy - 7} L${cx + 7},${cy + 6} Z`, class: reported.length ? 'reported' : 'referenced' }),
        ms.length > 1 ? svg('text', { x: cx, y: cy + 20, class: 'tick', 'text-anchor': 'middle' }, `×${ms.length}`) : null,
        svg('title', {}, ms.map((x) => `${x.title} (${x.date})${x.from_reference ? ' — known from references' : ''}`).join('\n'))));
    }
  });
  g.append(svg('text', { x: m.left - 36, y: m.top + ih / 2, class: 'axis-label', transform: `rotate(-90 ${m.left - 36} ${m.top + ih / 2})`, 'text-anchor': 'middle' }, 'commitments'),
    svg('text', { x: m.left, y: H - 6, class: 'axis-label' }, '▲ meeting reported by a readout   △ meeting known only from references'));
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart timeline-chart', role: 'img', 'aria-label': title }, svg('title', {}, title), g);
}

function dataTable(months, series, counts, meetings) {
  return h('details', { class: 'data-table' },
    h('summary', {}, 'Data as a table'),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Month'), series.map((t) => h('th', { scope: 'col' }, t.label)), h('th', { scope: 'col' }, 'Meetings'))),
      h('tbody', {}, months.filter((mo) => counts[mo] || meetings.get(mo)).map((mo) =>
        h('tr', {}, h('th', { scope: 'row' }, mo), series.map((t) => h('td', { class: 'num' }, (counts[mo] || {})[t.slug] || 0)),
          h('td', {}, (meetings.get(mo) || []).map((x) => x.title).join('; '))))))));
}

export async function mount(root, params) {
  const style = await topicStyle().catch(() => ({ items: [], parents: [], label: (s) => s, colour: () => '#888' }));
  const topic = topicSelect(style, params.get('topic') || '');
  const out = h('div', { class: 'timeline-result' });
  topic.addEventListener('change', () => draw());
  root.append(h('form', { class: 'controls', onsubmit: (e) => { e.preventDefault(); draw(); } }, field('Topic', topic)), out);
  const loader = new Loader(out, 'Loading the timeline');

  function draw() {
    const slug = topic.value;
    loader.run(async (signal) => {
      const [all, stats, mt] = await Promise.all([
        getAll('/v1/commitments', { topic: slug }, { max: MAX, signal }),
        getJSON('/v1/stats', {}, { signal }),
        getAll('/v1/meetings', {}, { max: 1000, signal }),
      ]);
      const series = slug
        ? [{ slug, label: style.label(slug), colour: style.colour(slug) }]
        : style.parents.map((t) => ({ slug: t.slug, label: t.label, colour: style.colour(t.slug) }));
      const counts = {};
      let undated = 0;
      for (const c of all.items) {
        const mo = monthOf(c.date);
        if (!mo) { undated += 1; continue; }
        counts[mo] ??= {};
        const keys = slug ? [slug] : c.topics;
        for (const t of keys) counts[mo][t] = (counts[mo][t] || 0) + 1;
      }
      const meetings = new Map();
      for (const x of mt.items) {
        const mo = monthOf(x.date);
        if (!mo) continue;
        if (!meetings.has(mo)) meetings.set(mo, []);
        meetings.get(mo).push(x);
      }
      const known = [...Object.keys(counts), ...meetings.keys(), ...stats.months.map((s) => s.month)].filter(Boolean).sort();
      if (!known.length) return note('No dated commitments or meetings yet.', 'state empty');
      const months = monthsBetween(known[0], known[known.length - 1]);
      const used = series.filter((t) => months.some((mo) => (counts[mo] || {})[t.slug]));
      const title = `Commitments per month${slug ? ` on ${style.label(slug)}` : ', stacked by topic'}, ${dateText(months[0])} to ${dateText(months[months.length - 1])}`;
      const legend = h('ul', { class: 'legend' }, used.map((t) =>
        h('li', {}, h('span', { class: 'swatch', style: `background:${t.colour}` }), t.label)));
      const notes = [
        !slug ? note('A commitment on several topics counts once under each.', 'small muted') : null,
        undated ? note(`${undated} commitment${undated === 1 ? '' : 's'} without a month left out.`, 'small muted') : null,
        all.truncated ? note(`Split by topic from the first ${all.items.length} commitments; the graph holds ${stats.totals.commitments}.`, 'small muted') : null,
      ];
      return [h('h3', { class: 'visually-hidden' }, title), chart(months, used, counts, meetings, { title }), legend, notes, dataTable(months, used, counts, meetings)];
    });
  }
  draw();
}
