// A node's neighbourhood as a graph: GET /v1/graph/neighborhood?id=...&depth=...
// Selecting a node (click, or the node list and Expand for the keyboard)
// shows its properties and adds its own neighbourhood. Alone:
// /widgets/graph?id=connectivity&depth=1

import { getJSON } from '../api.js';
import { h, Loader, field, note, loadingNode, errorNode } from '../ui.js';
import { createGraph, legendItems, mainLabel } from '../graphview.js';
import { findCommitment } from './source.js';

export function mount(root, params, ctx) {
  const idInput = h('input', { type: 'text', name: 'id', value: params.get('id') || 'connectivity', required: true, spellcheck: 'false', autocomplete: 'off' });
  const depth = h('select', { name: 'depth' }, [1, 2, 3].map((d) => h('option', { value: d, selected: String(d) === (params.get('depth') || '1') }, String(d))));
  const status = h('div', { class: 'graph-status', 'aria-live': 'polite' });
  const canvas = h('div', { class: 'graph-canvas', role: 'img', 'aria-label': 'Graph of the neighbourhood; the node list beside it gives the same nodes' });
  const nodeList = h('select', { name: 'node', size: 10, class: 'node-list' });
  const expand = h('button', { type: 'button', class: 'secondary' }, 'Expand node');
  const details = h('div', { class: 'node-details' });
  const legend = h('ul', { class: 'legend' });
  const form = h('form', { class: 'controls', onsubmit: (e) => { e.preventDefault(); start(); } },
    field('Node id', idInput, 'topic slug, country code, meeting, commitment or entity id'),
    field('Depth', depth),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Show')));
  root.append(form, status,
    h('div', { class: 'graph-layout' },
      h('div', { class: 'graph-main' }, canvas, legend),
      h('aside', { class: 'graph-side' }, field('Nodes', nodeList, 'select one, then Expand'), h('div', { class: 'buttons' }, expand), details)));

  const g = createGraph(canvas, { onSelect: (d) => { select(d.id); grow(d.id); } });
  const expanded = new Set();
  const loader = new Loader(status, 'Loading the neighbourhood');

  function refreshList() {
    const nodes = g.cy.nodes().map((n) => n.data()).sort((a, b) => a.label.localeCompare(b.label) || String(a.name).localeCompare(String(b.name)));
    const sel = nodeList.value;
    nodeList.replaceChildren(...nodes.map((d) => h('option', { value: d.id, selected: d.id === sel }, `${d.label}: ${d.name || d.id}${expanded.has(d.id) ? ' ✓' : ''}`)));
    legend.replaceChildren(...legendItems(nodes.map((d) => d.label)).map((l) =>
      h('li', {}, h('span', { class: 'swatch round', style: `background:${l.colour}` }), l.label)));
  }

  function select(id) {
    const n = g.cy.getElementById(id);
    if (n.empty()) return;
    g.cy.nodes().unselect();
    n.select();
    nodeList.value = id;
    const d = n.data();
    const props = Object.entries(d.props || {}).filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && !v.length));
    details.replaceChildren(h('div', {},
      h('h3', {}, d.name || d.id),
      h('p', { class: 'small muted' }, `${(d.labels || []).join(', ')} · id ${d.id}`),
      h('dl', { class: 'facts small' }, props.map(([k, v]) => [h('dt', {}, k), h('dd', {}, Array.isArray(v) ? v.join(', ') : String(v))])),
      mainLabel(d.labels) === 'Commitment'
        ? h('button', {
          type: 'button', class: 'secondary', onclick: async (e) => {
            e.target.disabled = true;
            try {
              ctx.openSource(await findCommitment(d.id));
            } catch (err) {
              details.append(errorNode(err));
            } finally {
              e.target.disabled = false;
            }
          },
        }, 'Open source')
        : null));
  }

  async function fetchInto(id, signal) {
    const nb = await getJSON('/v1/graph/neighborhood', { id, depth: id === idInput.value.trim() ? depth.value : 1, limit: 100 }, { signal });
    const added = g.add(nb.nodes.map((n) => ({ id: n.id, labels: n.labels, name: n.name, props: n.properties })),
      nb.edges.map((e) => ({ id: `${e.source}|${e.type}|${e.target}`, source: e.source, target: e.target, type: e.type, props: e.properties })), id);
    const fresh = !expanded.size;
    expanded.add(id);
    g.cy.getElementById(id).addClass('expanded');
    g.cy.resize();
    g.layout(fresh, nb.root);
    refreshList();
    return { nb, added };
  }

  function start() {
    const id = idInput.value.trim();
    if (!id) return;
    g.cy.elements().remove();
    expanded.clear();
    details.replaceChildren(note('Select a node to see its properties; selecting adds its neighbours.', 'small muted'));
    loader.run(async (signal) => {
      const { nb } = await fetchInto(id, signal);
      g.cy.getElementById(nb.root).addClass('root');
      select(nb.root);
      return note(`${nb.nodes.length} nodes, ${nb.edges.length} relationships around ${id}${nb.truncated ? ' (cut at the limit)' : ''}.`, 'small');
    });
  }

  async function grow(id) {
    if (expanded.has(id)) return;
    const before = g.cy.nodes().length;
    status.replaceChildren(loadingNode('Expanding'));
    try {
      await fetchInto(id);
      select(id);
      status.replaceChildren(note(`Expanded ${g.cy.getElementById(id).data('name') || id}: ${g.cy.nodes().length - before} new nodes, ${g.cy.nodes().length} in all.`, 'small'));
    } catch (err) {
      status.replaceChildren(errorNode(err, () => grow(id)));
    }
  }

  nodeList.addEventListener('change', () => select(nodeList.value));
  nodeList.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); grow(nodeList.value); }
  });
  expand.addEventListener('click', () => nodeList.value && grow(nodeList.value));
  start();
}
