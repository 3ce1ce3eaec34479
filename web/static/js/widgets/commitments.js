// Commitments with filters: GET /v1/commitments with topic, a country as
// party, actor or counterpart, since/until (a date or a meeting such as
// "Xi'an 2023"), entity and words. Each row opens its source. Alone:
// /widgets/commitments?topic=connectivity&country=KG&role=actor&since=2023&until=&entity=&q=

import { getJSON } from '../api.js';
import { h, Loader, commitmentTable, topicStyle, countryNames, field, topicSelect, countrySelect, note } from '../ui.js';

const roles = [
  ['party', 'made by or to'],
  ['actor', 'made by'],
  ['counterpart', 'made to'],
];

export async function mount(root, params, ctx) {
  const style = await topicStyle().catch(() => ({ items: [], label: (s) => s, colour: () => '#888' }));
  const topic = topicSelect(style, params.get('topic') || '');
  const country = await countrySelect('country', params.get('country') || '');
  const role = h('select', { name: 'role' }, roles.map(([v, l]) => h('option', { value: v, selected: v === (params.get('role') || 'party') }, l)));
  const since = h('input', { type: 'text', name: 'since', value: params.get('since') || '', placeholder: "2023-05 or Xi'an 2023", autocomplete: 'off' });
  const until = h('input', { type: 'text', name: 'until', value: params.get('until') || '', placeholder: '2024 or Astana 2024', autocomplete: 'off' });
  const entity = h('input', { type: 'text', name: 'entity', value: params.get('entity') || '', placeholder: 'CKU railway', autocomplete: 'off' });
  const words = h('input', { type: 'search', name: 'q', value: params.get('q') || '', placeholder: 'railway', autocomplete: 'off' });
  const out = h('div', { class: 'commitments-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'controls filters-form', onsubmit: (e) => { e.preventDefault(); search(); } },
    field('Topic', topic),
    field('Country', country),
    field('Role', role),
    field('Since', since, 'date or meeting'),
    field('Until', until, 'date or meeting'),
    field('Entity', entity, 'project, organisation…'),
    field('Words', words),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit' }, 'Apply filters'),
      h('button', {
        type: 'button', class: 'secondary', onclick: () => {
          form.reset();
          for (const el of [topic, country]) el.value = '';
          for (const el of [since, until, entity, words]) el.value = '';
          role.value = 'party';
          search();
        },
      }, 'Clear')));
  root.append(form, out);
  const loader = new Loader(out, 'Loading commitments');
  const name = await countryNames();

  function query() {
    const q = { topic: topic.value, since: since.value.trim(), until: until.value.trim(), entity: entity.value.trim(), q: words.value.trim() };
    if (country.value) q[role.value] = country.value;
    return q;
  }

  function search() {
    const q = query();
    loader.run(async (signal) => {
      const first = await getJSON('/v1/commitments', { ...q, limit: 25 }, { signal });
      const items = [...first.items];
      let cursor = first.next_cursor || '';
      const count = h('p', { class: 'count' });
      const table = h('div', {});
      const more = h('button', { type: 'button', class: 'secondary' }, 'Load more');
      const draw = () => {
        count.textContent = `${items.length}${cursor ? '+' : ''} commitment${items.length === 1 ? '' : 's'}, in date order`;
        table.replaceChildren(commitmentTable(items, { onOpen: ctx.openSource, name, style, caption: 'Commitments matching the filters' }));
        more.hidden = !cursor;
      };
      more.addEventListener('click', async () => {
        more.disabled = true;
        try {
          const next = await getJSON('/v1/commitments', { ...q, limit: 25, cursor });
          items.push(...next.items);
          cursor = next.next_cursor || '';
          draw();
        } catch (err) {
          more.after(note(err.message, 'error-inline'));
        } finally {
          more.disabled = false;
        }
      });
      draw();
      const r = first.resolved || {};
      const resolved = ['since', 'until', 'meeting'].filter((k) => r[k]).map((k) =>
        note(`${k}: ${r[k].title} (${r[k].date})`, 'small muted'));
      return [resolved, count, table, more];
    });
  }
  search();
}
