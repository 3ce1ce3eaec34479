// Every statement about one project or institution across meetings, in
// date order, with the restatements (REITERATES) between them:
// GET /v1/entities/{id}/timeline. The name suggestions come from the
// entities of GET /v1/commitments. Alone: /widgets/project?entity=CKU%20railway

import { getJSON } from '../api.js';
import { h, Loader, countryNames, dateText, who, modalityBadge, field, note } from '../ui.js';

export async function mount(root, params, ctx) {
  const list = h('datalist', { id: `${root.id || 'project'}-entities` });
  const input = h('input', {
    type: 'text', name: 'entity', value: params.get('entity') || 'CKU railway', list: list.id,
    placeholder: 'CKU railway', autocomplete: 'off', required: true,
  });
  const out = h('div', { class: 'project-result', 'aria-live': 'polite' });
  root.append(h('form', { class: 'controls', onsubmit: (e) => { e.preventDefault(); show(input.value.trim()); } },
    field('Project or institution', input, 'name, alias or id'), list,
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Show timeline'))), out);
  const loader = new Loader(out, 'Loading the timeline');
  const name = await countryNames();

  // suggestions: the entities the first commitments mention
  getJSON('/v1/commitments', { limit: 200 }).then((b) => {
    const names = new Set();
    for (const c of b.items) for (const e of c.entities || []) names.add(e.name);
    list.replaceChildren(...[...names].sort().map((n) => h('option', { value: n })));
  }, () => {});

  function show(ref) {
    if (!ref) return;
    loader.run(async (signal) => {
      const t = await getJSON(`/v1/entities/${encodeURIComponent(ref)}/timeline`, { limit: 200 }, { signal });
      const byId = new Map(t.items.map((c) => [c.id, c]));
      const restates = new Map(); // id -> the earlier statements it restates
      const restatedBy = new Map();
      for (const l of t.chain) {
        if (!restates.has(l.from)) restates.set(l.from, []);
        restates.get(l.from).push(l);
        if (!restatedBy.has(l.to)) restatedBy.set(l.to, []);
        restatedBy.get(l.to).push(l);
      }
      const groups = [];
      for (const c of t.items) {
        const last = groups[groups.length - 1];
        if (last && last.meeting.id === c.meeting.id) last.items.push(c);
        else groups.push({ meeting: c.meeting, items: [c] });
      }
      const ref2 = (id) => {
        const o = byId.get(id);
        return o ? h('a', { href: `#stmt-${id}` }, `${o.meeting.place || 'meeting'}, ${dateText(o.date)}`) : h('code', {}, id);
      };
      const meetings = groups.length;
      const head = h('div', { class: 'entity-head' },
        h('h3', {}, t.entity.name, ' ', h('span', { class: 'badge' }, t.entity.kind)),
        t.entity.aliases && t.entity.aliases.length ? h('p', { class: 'small muted' }, `also: ${t.entity.aliases.filter((a) => a !== t.entity.name).join(' · ')}`) : null,
        h('p', { class: 'small' }, `${t.items.length}${t.next_cursor ? '+' : ''} statement${t.items.length === 1 ? '' : 's'} at ${meetings} meeting${meetings === 1 ? '' : 's'}, ${t.chain.length} restatement link${t.chain.length === 1 ? '' : 's'}.`));
      if (!t.items.length) return [head, note('No statements about it yet.', 'state empty')];
      const ol = h('ol', { class: 'project-timeline' }, groups.map((g) =>
        h('li', { class: 'pt-meeting' },
          h('div', { class: 'pt-date' }, dateText(g.meeting.date)),
          h('div', { class: 'pt-body' },
            h('p', { class: 'pt-title' }, g.meeting.title, g.meeting.place ? h('span', { class: 'muted' }, ` · ${g.meeting.place}`) : null),
            h('ul', { class: 'pt-statements' }, g.items.map((c) =>
              h('li', { id: `stmt-${c.id}`, class: ['pt-statement', restates.has(c.id) && 'restates'] },
                h('p', { class: 'meta' }, modalityBadge(c.modality), ' ', h('strong', {}, who(c, name)), c.speaker ? ` · ${c.speaker}` : ''),
                h('button', { type: 'button', class: 'link open-source', onclick: () => ctx.openSource(c) }, c.text),
                restates.has(c.id) ? h('p', { class: 'chain small' }, '↺ restates ', restates.get(c.id).map((l, i) => [i ? ', ' : '', ref2(l.to), l.by ? ` (same ${l.by})` : ''])) : null,
                restatedBy.has(c.id) ? h('p', { class: 'chain small muted' }, '↻ restated at ', restatedBy.get(c.id).map((l, i) => [i ? ', ' : '', ref2(l.from)])) : null,
                c.times_stated > 1 ? h('p', { class: 'small muted' }, `stated at ${c.times_stated} meetings, first ${dateText(c.first_stated)}`) : null)))))));
      return [head, ol];
    });
  }
  show(input.value.trim());
}
