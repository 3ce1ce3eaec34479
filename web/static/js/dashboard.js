// The dashboard: every widget on one page, with the graph's totals. Each
// card also links to its widget alone (/widgets/{name}).

import { getJSON } from './api.js';
import { h } from './ui.js';
import { mountWidget } from './registry.js';
import { openSource } from './widgets/source.js';

const ctx = { openSource };

async function totals() {
  const dl = document.getElementById('totals');
  try {
    const s = await getJSON('/v1/stats');
    const order = ['commitments', 'meetings', 'countries', 'documents', 'entities', 'reiterations'];
    dl.replaceChildren(...order.filter((k) => k in s.totals).flatMap((k) => [
      h('div', { class: 'total' }, h('dd', {}, s.totals[k].toLocaleString('en')), h('dt', {}, k)),
    ]));
  } catch (err) {
    dl.replaceChildren(h('div', { class: 'total error' }, h('dd', {}, '!'), h('dt', {}, `API: ${err.message}`)));
  }
}

totals();
const params = new URLSearchParams(location.search);
await Promise.all([...document.querySelectorAll('[data-widget]')].map((card) => {
  const body = card.querySelector('.card-body');
  return mountWidget(card.dataset.widget, body, params, ctx);
}));
document.body.dataset.ready = 'true';
