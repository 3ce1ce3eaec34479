// Small DOM helpers shared by the widgets: an element builder, loading and
// error states, and the pieces several widgets show (commitment tables,
// topic colours, country names).

import { ApiError, countries, topics } from './api.js';

/**
 * h builds an element: attrs may hold class, text, dataset, on<Event>
 * handlers, boolean and string attributes; children are nodes, strings or
 * arrays of them (null and false are skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    else if (k === 'text') el.textContent = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'value' && 'value' in el) el.value = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

let uid = 0;
/** id returns a document-unique id with a readable prefix, for label/for pairs. */
export function id(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** loadingNode is the loading state: a spinner and a status message. */
export function loadingNode(what = 'Loading') {
  return h('p', { class: 'state loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), `${what}…`);
}

/** errorNode is the error state: the API's code and message, and a retry button. */
export function errorNode(err, retry) {
  const msg = err && err.message ? err.message : String(err);
  return h(
    'div',
    { class: 'state error', role: 'alert' },
    h('p', { class: 'error-title' }, err && err.status ? `Error ${err.status}${err.code ? ` (${err.code})` : ''}` : 'Error'),
    h('pre', { class: 'error-message' }, msg),
    err && err.requestId ? h('p', { class: 'muted small' }, `request id ${err.requestId}`) : null,
    retry ? h('button', { type: 'button', class: 'secondary', onclick: retry }, 'Try again') : null,
  );
}

/**
 * Loader runs one request at a time for a container: it shows the loading
 * state, aborts the previous request, and replaces the content with what
 * render returns, or with the error state.
 */
export class Loader {
  constructor(container, what = 'Loading') {
    this.container = container;
    this.what = what;
    this.ctrl = null;
  }

  async run(render) {
    this.ctrl?.abort();
    const ctrl = new AbortController();
    this.ctrl = ctrl;
    const c = this.container;
    c.setAttribute('aria-busy', 'true');
    c.replaceChildren(loadingNode(this.what));
    try {
      const node = await render(ctrl.signal);
      if (ctrl.signal.aborted) return;
      c.replaceChildren(...[node].flat(Infinity).filter((x) => x !== null && x !== undefined && x !== false));
      c.dataset.state = 'ready';
    } catch (err) {
      if (err.name === 'AbortError' || ctrl.signal.aborted) return;
      if (!(err instanceof ApiError)) console.error(err); // a bug of the page, not an answer of the API
      c.replaceChildren(errorNode(err, () => this.run(render)));
      c.dataset.state = 'error';
    } finally {
      if (this.ctrl === ctrl) c.removeAttribute('aria-busy');
    }
  }
}

// Colours of the top-level topics, in taxonomy order: Tableau 10 and two
// more, distinguishable and readable on white.
const palette = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7',
  '#9c755f', '#86bcb6', '#8cd17d', '#d37295', '#a0cbe8', '#bab0ac'];

/** topicStyle returns {colour(slug), label(slug), parents} from the taxonomy. */
export async function topicStyle() {
  const items = await topics();
  const parents = items.filter((t) => !t.parent);
  const colour = new Map(parents.map((t, i) => [t.slug, palette[i % palette.length]]));
  const label = new Map(items.map((t) => [t.slug, t.label]));
  return {
    items,
    parents,
    colour: (slug) => colour.get(slug.split('/')[0]) || '#888',
    label: (slug) => label.get(slug) || slug,
  };
}

/** countryNames returns a function from ISO code to "Name". */
export async function countryNames() {
  let m = new Map();
  try {
    m = await countries();
  } catch {
    // codes alone are still readable
  }
  return (code) => (m.get(code) && m.get(code).name) || code;
}

/** who renders "China → Kyrgyzstan" for a commitment's actors and counterparts. */
export function who(c, name) {
  const a = (c.actors || []).map(name).join(', ') || '—';
  const b = (c.counterparts || []).map(name).join(', ');
  return b ? `${a} → ${b}` : a;
}

/** dateText shows a date as precise as known: 2023, May 2023, 18 May 2023. */
export function dateText(d) {
  if (!d) return 'undated';
  const [y, m, day] = d.split('-');
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  if (!m) return y;
  const mm = months[Number(m) - 1] || m;
  return day ? `${Number(day)} ${mm} ${y}` : `${mm} ${y}`;
}

/** meetingText names a meeting by place and date. */
export function meetingText(m) {
  if (!m) return '';
  return [m.place, dateText(m.date)].filter(Boolean).join(', ');
}

/** topicChips renders a commitment's topics as coloured chips. */
export function topicChips(slugs, style) {
  return h('span', { class: 'chips' }, (slugs || []).map((s) =>
    h('span', { class: 'chip', style: `--chip: ${style.colour(s)}` }, style.label(s))));
}

/** modalityBadge renders the kind of commitment. */
export function modalityBadge(m) {
  return h('span', { class: `badge modality-${m}` }, m);
}

/**
 * commitmentTable renders commitments as a table; each commitment's text
 * is a button that opens its source (onOpen).
 */
export function commitmentTable(items, { onOpen, name, style, caption }) {
  if (!items.length) {
    return h('p', { class: 'state empty' }, 'No commitments match.');
  }
  const rows = items.map((c) =>
    h('tr', { dataset: { id: c.id } },
      h('td', { class: 'nowrap' }, dateText(c.date)),
      h('td', {}, c.meeting && c.meeting.place ? c.meeting.place : h('span', { class: 'muted' }, '—')),
      h('td', {}, who(c, name), c.speaker ? h('div', { class: 'muted small' }, c.speaker) : null),
      h('td', {}, modalityBadge(c.modality)),
      h('td', { class: 'text-cell' },
        h('button', {
          type: 'button', class: 'link open-source', title: 'Open the source readout',
          onclick: () => onOpen(c),
        }, c.text),
        c.entities && c.entities.length
          ? h('div', { class: 'muted small' }, c.entities.map((e) => e.name).join(' · '))
          : null),
      h('td', {}, topicChips(c.topics, style)),
      h('td', { class: 'num', title: c.first_stated ? `first stated ${dateText(c.first_stated)}` : '' }, c.times_stated || 1)));
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'commitments' },
      caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Date'),
        h('th', { scope: 'col' }, 'Meeting'),
        h('th', { scope: 'col' }, 'Who → to whom'),
        h('th', { scope: 'col' }, 'Kind'),
        h('th', { scope: 'col' }, 'Commitment (opens the source)'),
        h('th', { scope: 'col' }, 'Topics'),
        h('th', { scope: 'col', title: 'Meetings at which it was stated' }, 'Stated'))),
      h('tbody', {}, rows)));
}

/** field wraps a labelled control. */
export function field(label, control, hint) {
  const cid = control.id || id('f');
  control.id = cid;
  return h('div', { class: 'field' },
    h('label', { for: cid }, label),
    control,
    hint ? h('span', { class: 'hint' }, hint) : null);
}

/** topicSelect is a <select> of the taxonomy, subtopics indented. */
export function topicSelect(style, selected = '', anyLabel = 'All topics') {
  return h('select', { name: 'topic' },
    h('option', { value: '' }, anyLabel),
    style.items.map((t) => h('option', { value: t.slug, selected: t.slug === selected },
      `${t.parent ? '\u00a0\u00a0\u00a0' : ''}${t.label}${t.commitments ? ` (${t.commitments})` : ''}`)));
}

/** countrySelect is a <select> of the countries in the graph. */
export async function countrySelect(nameAttr, selected = '', anyLabel = 'Any country') {
  let m = new Map();
  try {
    m = await countries();
  } catch {
    // an empty list still lets the rest of the form work
  }
  const list = [...m.values()].sort((a, b) => (a.name || a.code).localeCompare(b.name || b.code));
  return h('select', { name: nameAttr },
    h('option', { value: '' }, anyLabel),
    list.map((c) => h('option', { value: c.code, selected: c.code === selected.toUpperCase() }, `${c.name || c.code} (${c.code})`)));
}

/** note renders a short notice. */
export function note(text, cls = '') {
  return h('p', { class: ['note', cls] }, text);
}
