// Who committed what to whom: a matrix of the countries that made
// commitments (rows) by the countries they made them to (columns), for one
// topic or all. A cell opens the pair's commitments from
// GET /v1/countries/{a}/partners/{b}/timeline. The matrix counts
// GET /v1/commitments (all pages up to a bound). Alone:
// /widgets/partners?topic=trade

import { getAll, getJSON } from '../api.js';
import { h, Loader, topicStyle, countryNames, field, topicSelect, commitmentTable, note } from '../ui.js';

const MAX = 5000;

/**
 * pairs counts commitments from actor to counterpart; a joint commitment
 * (several actors, no counterpart: "the two sides will...") counts for each
 * ordered pair of its actors, as joint.
 */
function pairs(items) {
  const m = new Map();
  const add = (a, b, kind) => {
    if (a === b) return;
    const k = `${a}>${b}`;
    const v = m.get(k) || { a, b, direct: 0, joint: 0 };
    v[kind] += 1;
    m.set(k, v);
  };
  for (const c of items) {
    if (c.counterparts && c.counterparts.length) {
      for (const a of c.actors) for (const b of c.counterparts) add(a, b, 'direct');
    } else {
      for (const a of c.actors) for (const b of c.actors) add(a, b, 'joint');
    }
  }
  return m;
}

export async function mount(root, params, ctx) {
  const style = await topicStyle().catch(() => ({ items: [], label: (s) => s, colour: () => '#888' }));
  const name = await countryNames();
  const topic = topicSelect(style, params.get('topic') || '');
  const out = h('div', { class: 'partners-result' });
  const detail = h('div', { class: 'partners-detail', 'aria-live': 'polite' });
  topic.addEventListener('change', () => draw());
  root.append(h('form', { class: 'controls', onsubmit: (e) => { e.preventDefault(); draw(); } }, field('Topic', topic)), out, detail);
  const loader = new Loader(out, 'Loading commitments');
  const detailLoader = new Loader(detail, 'Loading the pair');

  function openPair(a, b) {
    const slug = topic.value;
    detailLoader.run(async (signal) => {
      const r = await getJSON(`/v1/countries/${a}/partners/${b}/timeline`, { topic: slug, limit: 200 }, { signal });
      return [
        h('h3', {}, `${name(a)} and ${name(b)}${slug ? ` on ${style.label(slug)}` : ''}`),
        note(`${r.items.length}${r.next_cursor ? '+' : ''} commitments involving both, in date order.`, 'small muted'),
        commitmentTable(r.items, { onOpen: ctx.openSource, name, style, caption: `Commitments between ${name(a)} and ${name(b)}` }),
      ];
    });
  }

  function draw() {
    const slug = topic.value;
    detail.replaceChildren();
    loader.run(async (signal) => {
      const all = await getAll('/v1/commitments', { topic: slug }, { max: MAX, signal });
      const m = pairs(all.items);
      if (!m.size) return note('No commitments between countries on this topic.', 'state empty');
      const actors = [...new Set([...m.values()].map((v) => v.a))].sort((x, y) => name(x).localeCompare(name(y)));
      const targets = [...new Set([...m.values()].map((v) => v.b))].sort((x, y) => name(x).localeCompare(name(y)));
      const max = Math.max(...[...m.values()].map((v) => v.direct + v.joint));
      const colour = slug ? style.colour(slug) : '#4e79a7';
      const table = h('table', { class: 'matrix' },
        h('caption', {}, `Commitments made by the row's country to the column's${slug ? `, on ${style.label(slug)}` : ''}. Joint statements ("the two sides will…") count for both.`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'corner' }, 'by ↓ · to →'), targets.map((b) => h('th', { scope: 'col' }, name(b))))),
        h('tbody', {}, actors.map((a) => h('tr', {},
          h('th', { scope: 'row' }, name(a)),
          targets.map((b) => {
            const v = m.get(`${a}>${b}`);
            if (!v) return h('td', { class: 'empty-cell' }, h('span', { 'aria-label': 'none' }, '·'));
            const n = v.direct + v.joint;
            const alpha = 0.15 + 0.85 * (n / max);
            return h('td', {},
              h('button', {
                type: 'button', class: 'cell', style: `--cell:${colour}; --alpha:${alpha.toFixed(2)}`,
                title: `${name(a)} → ${name(b)}: ${v.direct} direct, ${v.joint} joint`,
                'aria-label': `${name(a)} to ${name(b)}: ${n} commitments (${v.direct} direct, ${v.joint} joint); show them`,
                dataset: { a, b },
                onclick: () => openPair(a, b),
              }, String(n), v.joint ? h('span', { class: 'joint', 'aria-hidden': 'true' }, `${v.joint} joint`) : null));
          })))));
      return [h('div', { class: 'table-wrap' }, table),
        all.truncated ? note(`Counted from the first ${all.items.length} commitments.`, 'small muted') : null,
        note('Select a cell to list that pair\u2019s commitments.', 'small muted')];
    });
  }
  draw();
}
