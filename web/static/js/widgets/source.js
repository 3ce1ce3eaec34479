// The source of a commitment: the readout with the commitment's sentence
// highlighted (the commitment's own words marked within it) and the
// meeting's details. Opened from any commitment row as a dialog, or alone at
// /widgets/source?commitment=<id>.
//
// Calls: GET /v1/meetings/{id} (meeting details, and the commitment itself
// when opened by id), GET /v1/documents/{id} (the readout text; until the
// API serves it, the commitment's sentence stands in), and
// GET /v1/graph/neighborhood?id=<commitment> to find a commitment's meeting
// when opened by id.

import { ApiError, getJSON, countries } from '../api.js';
import { h, Loader, dateText, who, modalityBadge, topicChips, topicStyle, countryNames, note } from '../ui.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** charRange turns byte offsets into the text (as the API gives them) into string indexes. */
export function charRange(text, start, end) {
  const b = enc.encode(text);
  if (start < 0 || end > b.length || start > end) return null;
  return [dec.decode(b.subarray(0, start)).length, dec.decode(b.subarray(0, end)).length];
}

/**
 * highlighted renders text with the sentence around [from, to) marked, and
 * [from, to) itself marked within it.
 */
export function highlighted(text, from, to, sentence) {
  let s0 = from;
  let s1 = to;
  if (sentence) {
    // the sentence that contains the phrase: the nearest occurrence that spans it
    let i = text.lastIndexOf(sentence, from);
    while (i >= 0 && i + sentence.length < to) i = text.lastIndexOf(sentence, i - 1);
    if (i >= 0 && i <= from && i + sentence.length >= to) {
      s0 = i;
      s1 = i + sentence.length;
    }
  }
  return h('div', { class: 'readout-text' },
    text.slice(0, s0),
    h('mark', { class: 'sentence' },
      text.slice(s0, from),
      h('mark', { class: 'phrase' }, text.slice(from, to)),
      text.slice(to, s1)),
    text.slice(s1));
}

/** sentenceOnly renders the commitment's sentence with its words marked, for when the readout text is not available. */
function sentenceOnly(c) {
  const s = c.sentence || c.text;
  const i = s.indexOf(c.text);
  return h('div', { class: 'readout-text' },
    h('mark', { class: 'sentence' },
      i >= 0 ? [s.slice(0, i), h('mark', { class: 'phrase' }, c.text), s.slice(i + c.text.length)] : h('mark', { class: 'phrase' }, s)));
}

async function readout(c, signal) {
  const src = c.source || {};
  const link = src.url ? h('p', { class: 'small' }, 'Published at ', h('a', { href: src.url, target: '_blank', rel: 'noopener noreferrer' }, src.url)) : null;
  let doc = null;
  let why = '';
  try {
    doc = await getJSON(`/v1/documents/${encodeURIComponent(src.document_id)}`, {}, { signal });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    if (![404, 405].includes(err.status)) throw err;
    why = err.message;
  }
  if (doc && typeof doc.text === 'string') {
    const r = charRange(doc.text, src.start, src.end);
    let from = r ? r[0] : -1;
    let to = r ? r[1] : -1;
    if (from < 0 || doc.text.slice(from, to) !== c.text) {
      from = doc.text.indexOf(c.text);
      to = from + c.text.length;
    }
    if (from >= 0) {
      return [h('h3', {}, doc.title || src.title || 'Readout'), link, highlighted(doc.text, from, to, c.sentence)];
    }
    why = 'the commitment was not found in the document text';
  }
  return [
    h('h3', {}, src.title || 'Readout'),
    link,
    sentenceOnly(c),
    note(`The full readout text is not available from the API (GET /v1/documents/${src.document_id}: ${why}); the commitment's sentence is shown.`, 'muted small'),
  ];
}

async function meetingDetails(c, signal) {
  const [m, name] = await Promise.all([getJSON(`/v1/meetings/${encodeURIComponent(c.meeting.id)}`, {}, { signal }), countryNames()]);
  const dl = h('dl', { class: 'facts' });
  const add = (k, v) => {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) return;
    dl.append(h('dt', {}, k), h('dd', {}, v));
  };
  add('Date', dateText(m.date));
  add('Place', [m.place, m.country ? name(m.country) : ''].filter(Boolean).join(', '));
  add('Occasion', m.occasion);
  add('Kind', m.kind);
  add('Parties', (m.parties || []).map(name).join(', '));
  add('Participants', (m.participants || []).map((p) =>
    h('div', {}, p.name, p.role ? `, ${p.role}` : '', p.country ? ` (${name(p.country)})` : '', p.principal ? '' : h('span', { class: 'muted' }, ' · present'))));
  add('Documents', (m.documents || []).map((d) =>
    h('div', {}, d.url ? h('a', { href: d.url, target: '_blank', rel: 'noopener noreferrer' }, d.title || d.url) : (d.title || d.id),
      d.published ? h('span', { class: 'muted' }, ` · published ${dateText(d.published)}`) : '')));
  add('Refers to', (m.refers_to || []).map((r) => h('div', {}, r.title)));
  add('Referred to by', (m.referred_by || []).map((r) => h('div', {}, r.title)));
  add('Commitments', String(m.commitment_count));
  return [h('h3', {}, m.title), dl];
}

/** renderSource fills container with the source view of commitment c. */
export async function renderSource(container, c) {
  const [style, name] = await Promise.all([topicStyle().catch(() => null), countryNames()]);
  const text = h('section', { class: 'source-readout', 'aria-label': 'Readout' });
  const meeting = h('section', { class: 'source-meeting', 'aria-label': 'Meeting' });
  container.replaceChildren(
    h('div', { class: 'source-head' },
      h('blockquote', { class: 'commitment-quote' }, c.text),
      h('p', { class: 'meta' },
        modalityBadge(c.modality), ' ',
        h('strong', {}, who(c, name)),
        c.speaker ? ` · said by ${c.speaker}` : '',
        ` · ${dateText(c.date)}`,
        c.times_stated > 1 ? ` · stated at ${c.times_stated} meetings, first ${dateText(c.first_stated)}` : ''),
      style ? topicChips([...(c.topics || []), ...(c.subtopics || [])], style) : null),
    h('div', { class: 'source-body' }, text, meeting));
  const jobs = [new Loader(text, 'Loading the readout').run((signal) => readout(c, signal))];
  if (c.meeting && c.meeting.id) jobs.push(new Loader(meeting, 'Loading the meeting').run((signal) => meetingDetails(c, signal)));
  await Promise.all(jobs);
  const mark = text.querySelector('mark.sentence');
  if (mark) mark.scrollIntoView({ block: 'center' });
}

let dialog = null;

/** openSource shows commitment c's source in a modal dialog (Escape closes it). */
export function openSource(c) {
  if (!dialog) {
    const body = h('div', { class: 'dialog-body' });
    const close = h('button', { type: 'button', class: 'secondary close', onclick: () => dialog.close() }, 'Close');
    dialog = h('dialog', { id: 'source-dialog', class: 'source-dialog', 'aria-labelledby': 'source-dialog-title' },
      h('header', { class: 'dialog-head' }, h('h2', { id: 'source-dialog-title' }, 'Source'), close),
      body);
    dialog.body = body;
    dialog.addEventListener('click', (e) => {
      if (e.target === dialog) dialog.close(); // a click on the backdrop
    });
    document.body.append(dialog);
  }
  dialog.dataset.commitment = c.id;
  const opener = document.activeElement;
  dialog.addEventListener('close', () => opener && opener.focus && opener.focus(), { once: true });
  if (!dialog.open) dialog.showModal();
  dialog.querySelector('.close').focus();
  return renderSource(dialog.body, c);
}

/** findCommitment loads commitment id through its meeting (GET /v1/meetings/{id} lists its commitments). */
export async function findCommitment(cid, signal) {
  const nb = await getJSON('/v1/graph/neighborhood', { id: cid, depth: 1, limit: 100 }, { signal });
  const root = nb.nodes.find((n) => n.id === nb.root);
  if (!root || !root.labels.includes('Commitment')) {
    throw new ApiError(404, 'not_found', `${cid} is not a commitment`);
  }
  const mid = root.properties.meeting_id
    || (nb.edges.find((e) => e.source === cid && e.type === 'STATED_AT') || {}).target;
  const m = await getJSON(`/v1/meetings/${encodeURIComponent(mid)}`, {}, { signal });
  const c = (m.commitments || []).find((x) => x.id === cid);
  if (!c) throw new ApiError(404, 'not_found', `commitment ${cid} is not listed by its meeting ${mid}`);
  return c;
}

/** mount is the widget alone: ?commitment=<id>. */
export function mount(root, params) {
  const cid = params.get('commitment') || '';
  const out = h('div', { class: 'source-view' });
  const input = h('input', { type: 'text', name: 'commitment', value: cid, placeholder: 'c0123456789abcdef', required: true, spellcheck: 'false' });
  const form = h('form', { class: 'controls', onsubmit: (e) => { e.preventDefault(); show(input.value.trim()); } },
    h('div', { class: 'field' }, h('label', { for: 'source-id' }, 'Commitment id'), Object.assign(input, { id: 'source-id' })),
    h('button', { type: 'submit' }, 'Show source'));
  root.append(form, out);
  const loader = new Loader(out, 'Loading the commitment');
  function show(id) {
    if (!id) {
      out.replaceChildren(note('Give a commitment id (the id of any /v1/commitments item).'));
      return;
    }
    loader.run(async (signal) => {
      const c = await findCommitment(id, signal);
      const view = h('div', {});
      await renderSource(view, c);
      return view;
    });
  }
  countries().catch(() => {});
  show(cid);
}
