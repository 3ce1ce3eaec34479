// The widgets by name; each module exports mount(root, params, ctx). The
// names are web.Widgets in web.go (a test keeps the two in step).

export const widgets = {
  ask: () => import('./widgets/ask.js'),
  commitments: () => import('./widgets/commitments.js'),
  timeline: () => import('./widgets/timeline.js'),
  partners: () => import('./widgets/partners.js'),
  project: () => import('./widgets/project.js'),
  graph: () => import('./widgets/graph.js'),
  cypher: () => import('./widgets/cypher.js'),
  source: () => import('./widgets/source.js'),
};

/** mountWidget loads widget name into root; a failure shows in root. */
export async function mountWidget(name, root, params, ctx) {
  const { errorNode } = await import('./ui.js');
  root.setAttribute('aria-busy', 'true');
  try {
    const load = widgets[name];
    if (!load) throw new Error(`no widget ${name}`);
    const mod = await load();
    await mod.mount(root, params, ctx);
    root.dataset.mounted = 'true';
  } catch (err) {
    console.error(err);
    root.append(errorNode(err, () => location.reload()));
    root.dataset.mounted = 'error';
  } finally {
    root.removeAttribute('aria-busy');
  }
}
