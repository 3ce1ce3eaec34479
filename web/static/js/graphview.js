// A node-link view on cytoscape (vendored from npm, see web/README.md),
// shared by the graph widget and the Cypher console.

import cytoscape from '/static/vendor/cytoscape/cytoscape.esm.min.mjs';

// Colours of the node labels of the graph model (schema/README.md).
export const labelColours = {
  Commitment: '#4e79a7',
  Meeting: '#f28e2b',
  Country: '#59a14f',
  Topic: '#b07aa1',
  Entity: '#e15759',
  Person: '#76b7b2',
  Document: '#9c755f',
  Place: '#edc948',
};

/** mainLabel is the label a node is drawn by. */
export function mainLabel(labels) {
  return (labels || []).find((l) => labelColours[l]) || (labels || [])[0] || 'Node';
}

function short(s, n = 38) {
  s = String(s || '');
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/**
 * createGraph draws into container; onSelect(node data) is called when a
 * node is tapped. It returns {add(nodes, edges), layout(), cy}.
 * nodes: [{id, label, name, props}], edges: [{id, source, target, type}].
 */
export function createGraph(container, { onSelect } = {}) {
  const cy = cytoscape({
    container,
    minZoom: 0.2,
    maxZoom: 3,
    wheelSensitivity: 0.3,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)',
          label: 'data(caption)',
          'font-size': 10,
          'font-family': 'system-ui, sans-serif',
          color: '#1f2933',
          'text-wrap': 'wrap',
          'text-max-width': 120,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.75,
          'text-background-padding': 1,
          width: 18,
          height: 18,
          'border-width': 1,
          'border-color': '#ffffff',
        },
      },
      { selector: 'node.root', style: { width: 28, height: 28, 'border-width': 3, 'border-color': '#1f2933', 'font-weight': 'bold' } },
      { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#1f2933' } },
      { selector: 'edge.near', style: { label: 'data(type)', 'line-color': '#7b8794', 'target-arrow-color': '#7b8794', width: 1.8 } },
      { selector: 'node:selected', style: { 'overlay-color': '#f28e2b', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
      {
        selector: 'edge',
        style: {
          width: 1.2,
          'line-color': '#b8c2cc',
          'target-arrow-color': '#b8c2cc',
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.7,
          'curve-style': 'bezier',
          'font-size': 8,
          color: '#6b7785',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
        },
      },
    ],
  });
  cy.on('tap', 'node', (e) => onSelect && onSelect(e.target.data()));
  // the relationship types show for the selected node's relationships only, to keep the picture readable
  cy.on('select', 'node', (e) => { cy.edges().removeClass('near'); e.target.connectedEdges().addClass('near'); });

  // add draws nodes and edges; new nodes start beside near (an id), so
  // that an expansion grows from the node expanded.
  function add(nodes, edges, near) {
    const els = [];
    const at = near && cy.getElementById(near).nonempty() ? cy.getElementById(near).position() : null;
    for (const n of nodes) {
      if (cy.getElementById(n.id).nonempty()) continue;
      const label = mainLabel(n.labels);
      els.push({
        group: 'nodes',
        data: { id: n.id, label, labels: n.labels, name: n.name, props: n.props || {}, colour: labelColours[label] || '#888', caption: short(n.name || n.id) },
        position: at ? { x: at.x + (Math.random() - 0.5) * 60, y: at.y + (Math.random() - 0.5) * 60 } : undefined,
      });
    }
    for (const e of edges) {
      if (cy.getElementById(e.id).nonempty()) continue;
      els.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, type: e.type, props: e.props || {} } });
    }
    const added = cy.add(els.filter((x) => x.group === 'nodes'));
    // an edge needs both ends: keep those whose ends are drawn
    cy.add(els.filter((x) => x.group === 'edges' && cy.getElementById(x.data.source).nonempty() && cy.getElementById(x.data.target).nonempty()));
    return added;
  }

  // layout places every node. With a root, the first time: rings around
  // it by distance; otherwise a force-directed layout, from the current
  // positions after an expansion (fresh=false) so that the picture does not
  // jump.
  function layout(fresh = false, root = '') {
    const n = cy.nodes().length;
    const r = root ? cy.getElementById(root) : cy.collection();
    if (fresh && r.nonempty()) {
      const depth = new Map();
      cy.elements().bfs({ roots: r, visit: (v, e, u, i, d) => { depth.set(v.id(), d); } });
      cy.layout({
        name: 'concentric', animate: false, minNodeSpacing: 70, spacingFactor: 1.1, padding: 30,
        concentric: (v) => 10 - (depth.has(v.id()) ? depth.get(v.id()) : 9), levelWidth: () => 1,
      }).run();
    } else if (n > 150) {
      cy.layout({ name: 'concentric', animate: false, minNodeSpacing: 8 }).run();
    } else {
      cy.layout({
        name: 'cose', animate: false, randomize: fresh, padding: 30, numIter: 1500,
        nodeRepulsion: () => 16000, idealEdgeLength: () => 110, edgeElasticity: () => 80,
        nodeOverlap: 12, gravity: 0.3, componentSpacing: 80,
      }).run();
    }
    cy.fit(undefined, 30);
    // a small graph is not blown up past a readable size
    if (cy.zoom() > 1.2) {
      cy.zoom(1.2);
      cy.center();
    }
  }

  return { add, layout, cy };
}

/** legend lists the colours of the labels present. */
export function legendItems(labels) {
  return [...new Set(labels)].sort().map((l) => ({ label: l, colour: labelColours[l] || '#888' }));
}
