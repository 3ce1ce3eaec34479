// Ask a question in plain words: GET /v1/ask?q=... shows how the question
// was read (the filters, the equivalent /v1/commitments request, the Cypher
// that ran) and the commitments it found. Alone: /widgets/ask?q=...

import { getJSON, url } from '../api.js';
import { h, Loader, commitmentTable, topicStyle, countryNames, note } from '../ui.js';

export const flagship = "all commitments on connectivity since Xi'an 2023";

const examples = [
  flagship,
  'what did Kazakhstan promise China in 2023',
  'commitments on the CKU railway',
  'commitments by China to Kyrgyzstan on trade',
];

function interpretation(a) {
  const params = Object.entries(a.interpretation.parameters || {});
  return h('div', { class: 'interpretation' },
    h('h3', {}, 'Interpretation'),
    h('ul', { class: 'understood' }, (a.interpretation.understood || []).map((u) => h('li', {}, u))),
    h('p', { class: 'filters' },
      params.map(([k, vs]) => vs.map((v) => h('span', { class: 'filter-chip' }, h('span', { class: 'k' }, k), '=', v)))),
    h('p', { class: 'small' }, 'Same as ', h('a', { href: a.query, target: '_blank', rel: 'noopener' }, h('code', {}, decodeURIComponent(a.query)))),
    h('details', { class: 'cypher' },
      h('summary', {}, 'Cypher that ran'),
      h('pre', {}, a.cypher.cypher),
      h('pre', { class: 'muted' }, JSON.stringify(a.cypher.parameters, null, 2))));
}

export function mount(root, params, ctx) {
  const input = h('input', {
    type: 'search', name: 'q', id: `${root.id || 'ask'}-q`, value: params.get('q') || flagship,
    placeholder: flagship, autocomplete: 'off', maxlength: '500', required: true,
  });
  const out = h('div', { class: 'ask-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'ask-form', role: 'search', onsubmit: (e) => { e.preventDefault(); ask(input.value.trim()); } },
    h('label', { for: input.id, class: 'ask-label' }, 'Question'),
    h('div', { class: 'ask-row' }, input, h('button', { type: 'submit' }, 'Ask')),
    h('p', { class: 'examples small' }, 'Try: ',
      examples.map((q, i) => [i ? ' · ' : '', h('button', { type: 'button', class: 'link', onclick: () => { input.value = q; ask(q); } }, q)])));
  root.append(form, out);
  const loader = new Loader(out, 'Asking');

  function ask(q) {
    if (!q) return;
    loader.run(async (signal) => {
      const [a, style, name] = await Promise.all([getJSON('/v1/ask', { q }, { signal }), topicStyle(), countryNames()]);
      const items = [...a.items];
      const results = h('div', {});
      const more = h('button', { type: 'button', class: 'secondary', hidden: !a.next_cursor }, 'Load more');
      let cursor = a.next_cursor || '';
      const count = h('p', { class: 'count' });
      const draw = () => {
        count.textContent = `${items.length}${cursor ? '+' : ''} commitment${items.length === 1 ? '' : 's'}`;
        results.replaceChildren(commitmentTable(items, { onOpen: ctx.openSource, name, style, caption: `Answers to: ${q}` }));
        more.hidden = !cursor;
      };
      more.addEventListener('click', async () => {
        more.disabled = true;
        try {
          const next = await getJSON('/v1/ask', { q, cursor });
          items.push(...next.items);
          cursor = next.next_cursor || '';
          draw();
        } finally {
          more.disabled = false;
        }
      });
      draw();
      const resolved = a.resolved && a.resolved.since
        ? note(`"since" is the meeting ${a.resolved.since.title} (${a.resolved.since.date}).`, 'small muted') : null;
      return [interpretation(a), resolved, h('h3', {}, 'Results'), count, results, more,
        h('p', { class: 'small muted' }, 'As JSON: ', h('a', { href: url('/v1/ask', { q }).href, target: '_blank', rel: 'noopener' }, `/v1/ask?q=${q}`))];
    });
  }
  ask(input.value.trim());
}
