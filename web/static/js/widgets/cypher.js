// A Cypher console: POST /v1/cypher (read-only; the server must enable it
// with PLEDGEGRAPH_CYPHER=true, and wants the API key when one is set). The
// rows show as a table and, when they hold nodes, relationships or paths,
// as a graph. Neo4j's error message is shown as it comes. Alone:
// /widgets/cypher?query=MATCH...

import { postJSON } from '../api.js';
import { h, Loader, field, note } from '../ui.js';
import { createGraph, legendItems, mainLabel } from '../graphview.js';

export const defaultQuery = `MATCH (c:Commitment)-[r:ON_TOPIC]->(t:Topic {slug: 'connectivity'})
MATCH (c)-[s:STATED_AT]->(m:Meeting)
RETURN c, r, t, s, m
LIMIT 25`;

const isNode = (v) => v && typeof v === 'object' && 'element_id' in v && Array.isArray(v.labels);
const isRel = (v) => v && typeof v === 'object' && 'element_id' in v && 'type' in v && 'start' in v;
const isPath = (v) => v && typeof v === 'object' && Array.isArray(v.nodes) && Array.isArray(v.relationships);

function caption(n) {
  const p = n.properties || {};
  return p.name || p.title || p.label || p.text || p.code || p.slug || p.city || p.id || n.element_id;
}

/** collect finds every node and relationship in the rows, nested ones too. */
function collect(rows) {
  const nodes = new Map();
  const rels = new Map();
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isPath(v)) { v.nodes.forEach(walk); v.relationships.forEach(walk); }
    else if (isNode(v)) nodes.set(v.element_id, v);
    else if (isRel(v)) rels.set(v.element_id, v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  rows.forEach(walk);
  return { nodes, rels };
}

function cell(v) {
  if (v === null || v === undefined) return h('span', { class: 'muted' }, 'null');
  if (isNode(v)) return h('span', { class: 'value-node', title: JSON.stringify(v.properties, null, 1) }, `(:${v.labels.join(':')} `, h('strong', {}, caption(v)), ')');
  if (isRel(v)) return h('span', { class: 'value-rel' }, `[:${v.type}]`);
  if (isPath(v)) return h('span', { class: 'value-path' }, `path of ${v.relationships.length} relationship${v.relationships.length === 1 ? '' : 's'}`);
  if (typeof v === 'object') return h('code', { class: 'value-json' }, JSON.stringify(v));
  return String(v);
}

export function mount(root, params) {
  const query = h('textarea', { name: 'query', rows: 6, spellcheck: 'false', class: 'code' });
  query.value = params.get('query') || defaultQuery;
  const qparams = h('input', { type: 'text', name: 'parameters', value: params.get('parameters') || '', placeholder: '{"slug": "connectivity"}', spellcheck: 'false', class: 'code' });
  const key = h('input', { type: 'password', name: 'api-key', autocomplete: 'off', placeholder: 'only when the server sets one' });
  try {
    key.value = sessionStorage.getItem('pledgegraph.apiKey') || '';
  } catch {
    // storage may be off; the field still works
  }
  const out = h('div', { class: 'cypher-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'cypher-form', onsubmit: (e) => { e.preventDefault(); run(); } },
    field('Cypher query (read-only)', query, 'Ctrl+Enter runs it'),
    h('div', { class: 'controls' },
      field('Parameters (JSON, optional)', qparams),
      field('API key', key),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Run query'))));
  query.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
  });
  root.append(form, out);
  const loader = new Loader(out, 'Running');

  function run() {
    const body = { query: query.value };
    if (qparams.value.trim()) {
      try {
        body.parameters = JSON.parse(qparams.value);
      } catch (err) {
        out.replaceChildren(note(`Parameters are not JSON: ${err.message}`, 'state error'));
        return;
      }
    }
    try {
      if (key.value) sessionStorage.setItem('pledgegraph.apiKey', key.value);
      else sessionStorage.removeItem('pledgegraph.apiKey');
    } catch {
      // not remembered, still sent
    }
    const headers = key.value ? { Authorization: `Bearer ${key.value}` } : {};
    loader.run(async (signal) => {
      const r = await postJSON('/v1/cypher', body, { signal, headers });
      const { nodes, rels } = collect(r.rows);
      const summary = note(`${r.rows.length} row${r.rows.length === 1 ? '' : 's'}${r.truncated ? ' (cut at the row limit)' : ''} · ${nodes.size} nodes, ${rels.size} relationships`, 'small count');
      const table = h('div', { class: 'table-wrap cypher-table' }, h('table', {},
        h('thead', {}, h('tr', {}, r.columns.map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, r.rows.map((row) => h('tr', {}, row.map((v) => h('td', {}, cell(v))))))));
      if (!nodes.size) return [summary, table];
      const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Result views' });
      const panels = [];
      const canvas = h('div', { class: 'graph-canvas' });
      const legend = h('ul', { class: 'legend' });
      const views = [['Table', table], ['Graph', h('div', {}, canvas, legend)]];
      let graph = null;
      const show = (i) => {
        tabs.querySelectorAll('[role=tab]').forEach((t, j) => {
          t.setAttribute('aria-selected', String(i === j));
          t.tabIndex = i === j ? 0 : -1;
        });
        panels.forEach((p, j) => { p.hidden = i !== j; });
        if (i === 1 && !graph) {
          graph = createGraph(canvas);
          graph.add([...nodes.values()].map((n) => ({ id: n.element_id, labels: n.labels, name: caption(n), props: n.properties })),
            [...rels.values()].map((e) => ({ id: e.element_id, source: e.start, target: e.end, type: e.type, props: e.properties })));
          graph.cy.resize();
          graph.layout(true);
          legend.replaceChildren(...legendItems([...nodes.values()].map((n) => mainLabel(n.labels))).map((l) =>
            h('li', {}, h('span', { class: 'swatch round', style: `background:${l.colour}` }), l.label)));
        }
      };
      views.forEach(([label, panel], i) => {
        const tid = `${root.id || 'cypher'}-tab-${i}`;
        const pid = `${tid}-panel`;
        tabs.append(h('button', {
          type: 'button', role: 'tab', id: tid, 'aria-controls': pid, onclick: () => show(i),
          onkeydown: (e) => {
            if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') { const j = (i + 1) % views.length; show(j); tabs.children[j].focus(); }
          },
        }, label));
        panels.push(h('div', { role: 'tabpanel', id: pid, 'aria-labelledby': tid }, panel));
      });
      show(0);
      return [summary, tabs, ...panels];
    });
  }
  run();
}
