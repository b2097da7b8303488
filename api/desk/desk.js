// The desk: submit articles, watch the board of verdicts change live, read
// an article with its claims highlighted, export the board. Plain DOM, no
// libraries, no network beyond this server. Every /v1 request carries the
// bearer token kept in sessionStorage.
'use strict';

const TOKEN_KEY = 'crosscheck-token';
const STATUS_ORDER = ['conflict', 'agree', 'single-source'];
const STATUS_TITLE = { 'conflict': 'Conflicts', 'agree': 'Agreements', 'single-source': 'Single source' };

const state = {
  groups: new Map(),   // group verdict id -> {version, verdict}
  claims: new Map(),   // claim id -> claim
  articles: new Map(), // article id -> {id, article, claims, copy_of}
  failed: [],
  fresh: new Set(),    // verdict ids changed by a live event, shown once
  lastSeq: null,
  stream: null,        // AbortController of the open event stream
};

const $ = (sel) => document.querySelector(sel);

// h builds an element: h('a', {href: '#x', class: 'y'}, 'text', child).
function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const kid of kids.flat()) {
    if (kid === null || kid === undefined || kid === false) continue;
    el.append(kid instanceof Node ? kid : String(kid));
  }
  return el;
}

// ---- API ---------------------------------------------------------------

function token() { return sessionStorage.getItem(TOKEN_KEY) || ''; }

function headers(extra) {
  const hd = Object.assign({}, extra || {});
  if (token()) hd['Authorization'] = 'Bearer ' + token();
  return hd;
}

class HTTPError extends Error {
  constructor(status, msg) { super(msg); this.status = status; }
}

async function api(path, opts) {
  opts = opts || {};
  const res = await fetch(path, Object.assign({}, opts, { headers: headers(opts.headers) }));
  let body = null;
  const type = res.headers.get('Content-Type') || '';
  if (type.includes('json')) body = await res.json();
  else body = await res.text();
  if (res.status === 401) needToken();
  if (!res.ok) throw new HTTPError(res.status, (body && body.error) || res.status + ' ' + res.statusText);
  return { status: res.status, body };
}

function needToken() {
  showAlert('The server wants a bearer token, or a different one: enter it above.');
  $('#token').focus();
}

function showAlert(msg) {
  const el = $('#alert');
  el.textContent = msg;
  el.hidden = !msg;
}

function announce(msg) { $('#announce').textContent = msg; }

// ---- verdicts and claims -----------------------------------------------

// flat lists a verdict's parts, or the verdict itself, as the API's
// Collect does: a group split by time is judged per part.
function flat(v) { return v.parts && v.parts.length ? v.parts : [v]; }

function allVerdicts() {
  const out = [];
  for (const g of state.groups.values()) {
    for (const v of flat(g.verdict)) out.push({ v, version: g.version, group: g.verdict.id });
  }
  return out;
}

function verdictsOfClaim() {
  const m = new Map();
  for (const { v } of allVerdicts()) {
    for (const c of v.claims || []) {
      if (!m.has(c)) m.set(c, []);
      m.get(c).push(v);
    }
  }
  return m;
}

function applyVerdict(v, version) {
  const cur = state.groups.get(v.id);
  if (cur && cur.version > version) return false;
  state.groups.set(v.id, { version, verdict: v });
  return true;
}

function setArticles(list) {
  state.articles.clear();
  state.claims.clear();
  for (const a of list.articles) {
    state.articles.set(a.id, a);
    for (const c of a.claims) state.claims.set(c.id, c);
  }
  state.failed = list.failed || [];
}

async function loadAll() {
  const [vs, as] = await Promise.all([api('/v1/verdicts'), api('/v1/articles')]);
  setArticles(as.body);
  for (const v of vs.body.verdicts) applyVerdict(v, v.version);
  showAlert('');
  render();
}

let refreshTimer = null;
// refreshArticles reads the articles again, soon, once: a live verdict
// names claims of articles the page has not read yet.
function refreshArticles() {
  if (refreshTimer) return;
  refreshTimer = setTimeout(async () => {
    refreshTimer = null;
    try { setArticles((await api('/v1/articles')).body); render(); } catch (e) { /* the next event tries again */ }
  }, 150);
}

function valueText(c) {
  if (c.value && c.value.text) return c.value.text;
  if (c.date && c.date.text) return c.date.text;
  return '';
}

// withFigure renders text with the first occurrence of fig marked.
function withFigure(text, fig, tag, cls) {
  const i = fig ? text.toLowerCase().indexOf(fig.toLowerCase()) : -1;
  if (i < 0) return [text];
  return [text.slice(0, i), h(tag, cls ? { class: cls } : {}, text.slice(i, i + fig.length)), text.slice(i + fig.length)];
}

function sourceOf(c) {
  const a = state.articles.get(c.article);
  return a ? a.article.source : c.article;
}

// ---- the board ---------------------------------------------------------

function filters() {
  return { status: $('#flt-status').value, subject: $('#flt-subject').value, text: $('#flt-text').value.trim().toLowerCase() };
}

function searchable(v) {
  const parts = [v.subject, v.attribute, v.reason, v.status].concat(v.sources || []);
  for (const id of v.claims || []) {
    const c = state.claims.get(id);
    if (c) parts.push(c.sentence, valueText(c));
  }
  return parts.join('\n').toLowerCase();
}

// visible lists the verdicts the filters let through, conflicts first,
// then agreements, then single-source; by subject and attribute within.
function visible() {
  const f = filters();
  return allVerdicts()
    .map((x) => x.v)
    .filter((v) => (!f.status || v.status === f.status) && (!f.subject || v.subject === f.subject) &&
      (!f.text || searchable(v).includes(f.text)))
    .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      a.subject.localeCompare(b.subject) || a.attribute.localeCompare(b.attribute) || a.id.localeCompare(b.id));
}

function verdictDomID(v) { return 'verdict-' + v.id; }

function claimItem(id) {
  const c = state.claims.get(id);
  if (!c) return h('li', { class: 'claim' }, h('span', { class: 'muted' }, 'claim ' + id + ' (loading)'));
  const fig = valueText(c);
  const where = c.in_title ? 'headline' : 'in the article';
  return h('li', { class: 'claim', dataset: { claim: c.id } },
    h('span', { class: 'outlet' }, sourceOf(c)),
    fig ? h('span', { class: 'value' }, fig) : null,
    c.attributed_to ? h('span', { class: 'meta' }, ' — ' + c.attributed_to) : null,
    h('blockquote', { class: 'evidence' }, withFigure(c.sentence, fig, 'mark')),
    h('a', { href: '#article/' + encodeURIComponent(c.article) + '/' + encodeURIComponent(c.id) }, where));
}

function verdictCard(v, version) {
  const camps = (v.camps && v.camps.length) ? v.camps : [{ claims: v.claims, sources: v.sources }];
  const card = h('article', {
    class: 'verdict ' + v.status + (state.fresh.has(v.id) ? ' fresh' : ''),
    id: verdictDomID(v), tabindex: '-1', 'aria-labelledby': verdictDomID(v) + '-h',
    dataset: { status: v.status, id: v.id },
  },
  h('header', {},
    h('span', { class: 'badge ' + v.status }, v.status),
    h('h3', { id: verdictDomID(v) + '-h' }, v.subject + ' · ' + v.attribute),
    v.story ? h('span', { class: 'version' }, 'story ' + v.story) : null,
    version ? h('span', { class: 'version' }, 'v' + version) : null),
  h('p', { class: 'reason' }, v.reason),
  h('div', { class: 'camps' }, camps.map((camp, i) =>
    h('section', { class: 'camp', 'aria-label': 'camp ' + (i + 1) },
      h('h4', {}, (camps.length > 1 ? 'Camp ' + (i + 1) + ': ' : '') + (camp.sources || []).join(', ')),
      h('ul', {}, (camp.claims || []).map(claimItem)),
      camp.unlisted ? h('p', { class: 'unlisted' }, camp.unlisted + ' more claims folded') : null))));
  return card;
}

function renderSubjects() {
  const sel = $('#flt-subject');
  const cur = sel.value;
  const subjects = [...new Set(allVerdicts().map((x) => x.v.subject))].sort();
  const have = [...sel.options].slice(1).map((o) => o.value);
  if (have.join('\n') === subjects.join('\n')) return;
  sel.replaceChildren(h('option', { value: '' }, 'all'), subjects.map((s) => h('option', { value: s }, s)));
  sel.value = subjects.includes(cur) ? cur : '';
}

function renderBoard() {
  renderSubjects();
  const versions = new Map([...state.groups.values()].map((g) => [g.verdict.id, g.version]));
  const vs = visible();
  const counts = { 'conflict': 0, 'agree': 0, 'single-source': 0 };
  for (const v of vs) counts[v.status]++;
  $('#board-count').textContent = vs.length + ' verdicts: ' + counts['conflict'] + ' conflict, ' +
    counts['agree'] + ' agree, ' + counts['single-source'] + ' single-source';
  const kids = [];
  for (const status of STATUS_ORDER) {
    const group = vs.filter((v) => v.status === status);
    if (!group.length) continue;
    kids.push(h('h3', { class: 'group-h', id: 'group-' + status }, STATUS_TITLE[status] + ' (' + group.length + ')'));
    for (const v of group) kids.push(verdictCard(v, versions.get(v.id)));
  }
  if (!kids.length) kids.push(h('p', {}, state.groups.size ? 'No verdict matches the filters.' : 'No verdicts yet: submit articles.'));
  $('#board').replaceChildren(...kids);
  state.fresh.clear();
}

// ---- articles ----------------------------------------------------------

function renderArticles() {
  const rows = [...state.articles.values()].map((a) => h('tr', {},
    h('td', {}, a.article.source),
    h('td', {}, a.article.published || ''),
    h('td', {}, h('a', { href: '#article/' + encodeURIComponent(a.id) }, a.article.title || a.article.file || a.id),
      a.copy_of ? h('span', { class: 'meta' }, ' (copy of ' + a.copy_of + ')') : null),
    h('td', {}, String(a.claims.length))));
  if (!rows.length) rows.push(h('tr', {}, h('td', { colspan: '4' }, 'No articles yet.')));
  $('#article-rows').replaceChildren(...rows);
  $('#failed').replaceChildren(...(state.failed.length ? [
    h('h3', {}, 'Set aside'),
    h('ul', {}, state.failed.map((d) => h('li', {}, (d.file || d.id) + ' — ' + d.stage + ': ' + d.reason))),
  ] : []));
}

// byteIndex maps UTF-8 byte offsets of text (the API's spans) to string
// indices.
function byteIndex(text) {
  const enc = new TextEncoder();
  const map = new Map();
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    map.set(bytes, i);
    const cp = text.codePointAt(i);
    bytes += enc.encode(String.fromCodePoint(cp)).length;
    if (cp > 0xffff) i++;
  }
  map.set(bytes, text.length);
  return (b) => (map.has(b) ? map.get(b) : -1);
}

function claimRefs(claims, vmap) {
  return claims.map((c, i) => {
    const vs = vmap.get(c.id) || [];
    const v = vs[0];
    const label = c.subject + ' ' + c.attribute + ': ' + (valueText(c) || '?') + (v ? ', ' + v.status : '');
    return h('a', {
      class: 'claim-ref ' + (v ? v.status : ''), id: 'ref-' + c.id,
      href: v ? '#board/' + encodeURIComponent(v.id) : '#claim-' + c.id,
      title: label, 'aria-label': 'claim ' + (i + 1) + ': ' + label,
    }, v ? v.status[0].toUpperCase() : '·');
  });
}

function worstStatus(claims, vmap) {
  let best = 99;
  for (const c of claims) for (const v of vmap.get(c.id) || []) best = Math.min(best, STATUS_ORDER.indexOf(v.status));
  return best < 99 ? STATUS_ORDER[best] : '';
}

function markSpan(text, claims, vmap) {
  let inner = [text];
  for (const c of claims) {
    // Mark each claim's figure within the sentence, first one free.
    const fig = valueText(c);
    const next = [];
    let done = false;
    for (const part of inner) {
      if (done || typeof part !== 'string' || !fig) { next.push(part); continue; }
      const got = withFigure(part, fig, 'span', 'fig');
      if (got.length > 1) done = true;
      next.push(...got);
    }
    inner = next;
  }
  return [
    h('mark', { class: 'claim ' + worstStatus(claims, vmap), id: 'span-' + claims[0].id, dataset: { claims: claims.map((c) => c.id).join(' ') } }, inner),
    ...claimRefs(claims, vmap),
  ];
}

async function showArticle(id, claimID) {
  const a = state.articles.get(id);
  $('#art-title').replaceChildren(a ? (a.article.title || a.id) : id);
  $('#art-meta').textContent = 'loading…';
  $('#art-body').replaceChildren();
  $('#art-claims').replaceChildren();
  let text;
  try {
    text = (await api('/v1/articles/' + encodeURIComponent(id) + '/text')).body;
  } catch (e) {
    $('#art-meta').textContent = 'Cannot read this article: ' + e.message;
    return;
  }
  const art = state.articles.get(id) || (await api('/v1/articles/' + encodeURIComponent(id))).body;
  const meta = art.article;
  const claims = art.claims || [];
  const vmap = verdictsOfClaim();

  const titleClaims = claims.filter((c) => c.in_title);
  const title = text.title || meta.title || id;
  $('#art-title').replaceChildren(...(titleClaims.length ? markSpan(title, titleClaims, vmap) : [title]));

  $('#art-meta').replaceChildren(meta.source, meta.published ? ' · ' + meta.published : '',
    meta.url ? [' · ', h('a', { href: meta.url, rel: 'noopener noreferrer' }, meta.url)] : '',
    ' · ' + claims.length + ' claims', art.copy_of ? ' · copy of ' + art.copy_of : '');

  // Claims of one sentence share its span; spans are sorted and any that
  // overlaps an earlier one joins it.
  const body = text.text;
  const at = byteIndex(body);
  const spans = [];
  for (const c of claims.filter((c) => !c.in_title).sort((x, y) => x.start - y.start || x.end - y.end)) {
    const s = at(c.start), e = at(c.end);
    if (s < 0 || e < 0 || e <= s) continue;
    const last = spans[spans.length - 1];
    if (last && s < last.e) { last.claims.push(c); last.e = Math.max(last.e, e); continue; }
    spans.push({ s, e, claims: [c] });
  }
  const out = [];
  let pos = 0;
  for (const sp of spans) {
    out.push(body.slice(pos, sp.s), ...markSpan(body.slice(sp.s, sp.e), sp.claims, vmap));
    pos = sp.e;
  }
  out.push(body.slice(pos));
  $('#art-body').replaceChildren(...out);

  $('#art-claims').replaceChildren(...claims.map((c) => {
    const vs = vmap.get(c.id) || [];
    return h('li', { id: 'claim-' + c.id },
      h('a', { href: '#article/' + encodeURIComponent(id) + '/' + encodeURIComponent(c.id) }, c.subject + ' · ' + c.attribute),
      ': ', h('span', { class: 'value' }, valueText(c) || '—'), c.in_title ? ' (headline)' : '',
      vs.map((v) => [' ', h('a', { href: '#board/' + encodeURIComponent(v.id), class: 'badge ' + v.status }, v.status)]));
  }));

  if (claimID) {
    const el = document.getElementById('span-' + claimID) ||
      [...document.querySelectorAll('mark.claim')].find((m) => m.dataset.claims.split(' ').includes(claimID));
    if (el) {
      el.classList.add('target');
      el.scrollIntoView({ block: 'center' });
      const ref = document.getElementById('ref-' + claimID);
      if (ref) ref.focus();
    }
  } else {
    $('#art-title').focus();
  }
}

// ---- exports -----------------------------------------------------------

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function evidence(v) {
  return (v.claims || []).map((id) => {
    const c = state.claims.get(id) || { id };
    const a = state.articles.get(c.article);
    return {
      claim: id, source: c.article ? sourceOf(c) : '', value: c.article ? valueText(c) : '',
      sentence: c.sentence || '', article: c.article || '', url: a ? a.article.url || '' : '',
      published: a ? a.article.published || '' : '',
    };
  });
}

function exportJSON() {
  const vs = visible().map((v) => Object.assign({}, v, { evidence: evidence(v) }));
  download('crosscheck-board.json', 'application/json', JSON.stringify({ exported: new Date().toISOString(), filters: filters(), verdicts: vs }, null, 2));
}

function csvCell(s) {
  s = String(s === undefined || s === null ? '' : s);
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function exportCSV() {
  const rows = [['verdict', 'status', 'subject', 'attribute', 'camp', 'source', 'value', 'sentence', 'article', 'url', 'published', 'reason']];
  for (const v of visible()) {
    const campOf = new Map();
    (v.camps || []).forEach((camp, i) => camp.claims.forEach((c) => campOf.set(c, i + 1)));
    for (const e of evidence(v)) {
      rows.push([v.id, v.status, v.subject, v.attribute, campOf.get(e.claim) || '', e.source, e.value, e.sentence, e.article, e.url, e.published, v.reason]);
    }
  }
  download('crosscheck-board.csv', 'text/csv', rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n');
}

async function exportClaimReview() {
  const f = filters();
  const q = new URLSearchParams();
  if (f.status) q.set('status', f.status);
  try {
    const reviews = (await api('/v1/claimreview?' + q)).body;
    const keep = new Set(visible().map((v) => v.id));
    const list = (typeof reviews === 'string' ? JSON.parse(reviews) : reviews).filter((r) => keep.has(r.identifier));
    download('crosscheck-claimreview.jsonld', 'application/ld+json', JSON.stringify(list, null, 2));
  } catch (e) {
    showAlert('Export failed: ' + e.message);
  }
}

// ---- submitting --------------------------------------------------------

const queued = []; // files chosen or dropped, sent on Submit

function queueFiles(files) {
  for (const f of files) queued.push(f);
  $('#files').replaceChildren(...queued.map((f) => h('li', {}, f.name + ' (' + f.size + ' bytes)')));
}

function hasFrontMatter(text) { return /^\uFEFF?---\r?\n/.test(text); }

function fields(name) {
  return {
    source: $('#f-source').value.trim() || name || '',
    published: $('#f-date').value, url: $('#f-url').value.trim(), title: $('#f-title').value.trim(),
  };
}

// request makes the POST for one text: as sent when it carries its own
// front matter or is an HTML page, else JSON with the form's fields.
function request(text, name, fromFile) {
  if (hasFrontMatter(text)) return { headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: text };
  if (/\.html?$/i.test(name || '') || /^\s*<(!doctype|html)/i.test(text)) return { headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: text };
  const req = fields(fromFile ? name : '');
  req.text = text;
  for (const k of ['published', 'url', 'title']) if (!req[k]) delete req[k];
  return { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(req) };
}

const STAGES = ['submitted', 'extracted', 'compared'];

function progressItem(name) {
  const li = h('li', { dataset: { status: 'sending' } },
    h('span', { class: 'name' }, name),
    h('ol', { class: 'stages', 'aria-label': 'stages' }, STAGES.map((s) => h('li', { dataset: { stage: s } }, s))),
    h('span', { class: 'msg' }, 'sending…'));
  $('#progress').prepend(li);
  return li;
}

function setProgress(li, status, msg, id) {
  li.dataset.status = status;
  const reached = { submitted: 1, pending: 1, duplicate: 3, extracted: 2, compared: 3, failed: 0 }[status] || 0;
  li.querySelectorAll('.stages li').forEach((s, i) => {
    s.classList.toggle('done', i < reached);
    s.classList.toggle('failed', status === 'failed' && i === Math.max(reached, 1));
  });
  const m = li.querySelector('.msg');
  m.className = status === 'failed' ? 'msg err' : 'msg';
  m.replaceChildren(msg || '', id ? [' ', h('a', { href: '#article/' + encodeURIComponent(id) }, 'open article')] : []);
}

async function follow(li, id) {
  const deadline = Date.now() + 5 * 60 * 1000;
  while (Date.now() < deadline) {
    try {
      const { status, body } = await api('/v1/articles/' + encodeURIComponent(id));
      if (status === 200 && body.status === 'compared') {
        setProgress(li, 'compared', id + ': ' + (body.claims || []).length + ' claims compared' + (body.copy_of ? ', a copy of ' + body.copy_of : ''), id);
        refreshArticles();
        return;
      }
      if (body.status === 'failed') { setProgress(li, 'failed', body.stage + ': ' + body.reason); return; }
      setProgress(li, body.status || 'pending', id + ': ' + (body.status || 'pending'));
    } catch (e) {
      if (e.status === 401 || e.status === 404) { setProgress(li, 'failed', e.message); return; }
    }
    await new Promise((r) => setTimeout(r, 400));
  }
  setProgress(li, 'failed', id + ': still not compared after 5 minutes');
}

async function submitOne(text, name, fromFile) {
  const li = progressItem(name);
  const req = request(text, name, fromFile);
  try {
    const { body } = await api('/v1/articles', { method: 'POST', headers: req.headers, body: req.body });
    if (body.duplicate) { setProgress(li, 'duplicate', body.id + ': already submitted', body.id); return; }
    setProgress(li, 'submitted', body.id + ': submitted', body.id);
    await follow(li, body.id);
  } catch (e) {
    setProgress(li, 'failed', e.message);
  }
}

async function onSubmit(ev) {
  ev.preventDefault();
  const jobs = [];
  const text = $('#f-text').value;
  if (text.trim()) jobs.push(submitOne(text, $('#f-title').value.trim() || $('#f-source').value.trim() || 'pasted text', false));
  for (const f of queued.splice(0)) jobs.push(f.text().then((t) => submitOne(t, f.name, true)));
  if (!jobs.length) { showAlert('Nothing to submit: paste a text or choose files.'); return; }
  showAlert('');
  $('#f-text').value = '';
  $('#f-files').value = '';
  queueFiles([]);
  announce(jobs.length + ' article(s) submitted');
  await Promise.all(jobs);
}

// ---- live events -------------------------------------------------------

function onEvent(block) {
  let id = null, event = 'message', data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const i = line.indexOf(':');
    const field = i < 0 ? line : line.slice(0, i);
    const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'data') data += (data ? '\n' : '') + value;
  }
  if (id !== null) state.lastSeq = id;
  if (event !== 'verdict' || !data) return;
  const ev = JSON.parse(data);
  if (!applyVerdict(ev.verdict, ev.version)) return;
  for (const v of flat(ev.verdict)) state.fresh.add(v.id);
  if ((ev.verdict.claims || []).some((c) => !state.claims.has(c))) refreshArticles();
  const v = ev.verdict;
  announce((ev.previous && ev.previous !== v.status ? ev.previous + ' → ' : '') + v.status + ': ' + v.subject + ' ' + v.attribute);
  scheduleRender();
}

function setLive(s, text) {
  const el = $('#live');
  el.dataset.state = s;
  el.textContent = text || s;
}

// listen follows the verdict stream with fetch, since EventSource cannot
// send the token; on every (re)connect it reads the board again, so a gap
// between streams loses nothing.
async function listen() {
  if (state.stream) state.stream.abort();
  const ctl = new AbortController();
  state.stream = ctl;
  let wait = 500;
  while (!ctl.signal.aborted) {
    try {
      const q = state.lastSeq !== null ? '?since=' + encodeURIComponent(state.lastSeq) : '';
      const res = await fetch('/v1/verdicts/stream' + q, { headers: headers(), signal: ctl.signal });
      if (res.status === 401) { setLive('error', 'token needed'); needToken(); return; }
      if (!res.ok) throw new Error(res.status + ' ' + res.statusText);
      setLive('live');
      await loadAll();
      wait = 500;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value.replace(/\r\n?/g, '\n');
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          onEvent(block);
        }
      }
    } catch (e) {
      if (ctl.signal.aborted) return;
    }
    setLive('error', 'reconnecting');
    await new Promise((r) => setTimeout(r, wait));
    wait = Math.min(wait * 2, 10000);
  }
}

// ---- views -------------------------------------------------------------

let renderQueued = false;
function scheduleRender() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => { renderQueued = false; render(); });
}

function render() {
  // Keep keyboard focus across a re-render where the element survives.
  const focused = document.activeElement && document.activeElement.id;
  renderBoard();
  renderArticles();
  if (focused && document.activeElement !== document.getElementById(focused)) {
    const el = document.getElementById(focused);
    if (el) el.focus({ preventScroll: true });
  }
}

function route() {
  const parts = location.hash.replace(/^#/, '').split('/').map(decodeURIComponent);
  const view = ['board', 'submit', 'articles', 'article'].includes(parts[0]) ? parts[0] : 'board';
  for (const s of document.querySelectorAll('main > section')) s.hidden = s.dataset.view !== view;
  for (const a of document.querySelectorAll('.top nav a')) {
    const on = a.dataset.view === view || (view === 'article' && a.dataset.view === 'articles');
    if (on) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  if (view === 'article' && parts[1]) { showArticle(parts[1], parts[2]); return; }
  if (view === 'board' && parts[1]) {
    let el = document.getElementById('verdict-' + parts[1]);
    if (!el) {
      for (const id of ['#flt-status', '#flt-subject', '#flt-text']) $(id).value = '';
      renderBoard();
      el = document.getElementById('verdict-' + parts[1]);
    }
    if (el) {
      document.querySelectorAll('.verdict.target').forEach((x) => x.classList.remove('target'));
      el.classList.add('target');
      el.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
    }
    return;
  }
  const heading = document.querySelector('#view-' + view + ' h2');
  if (heading && location.hash) heading.focus();
}

function init() {
  $('#token').value = token();
  $('#token-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('#token').value.trim());
    showAlert('');
    listen();
  });
  for (const id of ['#flt-status', '#flt-subject']) $(id).addEventListener('change', renderBoard);
  $('#flt-text').addEventListener('input', renderBoard);
  $('#filters').addEventListener('submit', (ev) => ev.preventDefault());
  $('#exp-json').addEventListener('click', exportJSON);
  $('#exp-csv').addEventListener('click', exportCSV);
  $('#exp-claimreview').addEventListener('click', exportClaimReview);
  $('#submit-form').addEventListener('submit', onSubmit);
  $('#f-files').addEventListener('change', (ev) => queueFiles(ev.target.files));
  const drop = $('#drop');
  drop.addEventListener('dragover', (ev) => { ev.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (ev) => {
    ev.preventDefault();
    drop.classList.remove('over');
    queueFiles(ev.dataTransfer.files);
  });
  window.addEventListener('hashchange', route);
  route();
  listen();
}

init();
