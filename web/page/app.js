// The page: input, the document list, the reading view and the tables.
// All analysis happens in worker.js; this thread only renders.

const $ = (id) => document.getElementById(id);

const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT',
                      'NORP', 'MISC'];
const TYPE_NAMES = {
  PERSON: 'Person', ORG: 'Organization', GPE: 'Country/city', LOC: 'Place',
  PRODUCT: 'Product', EVENT: 'Event', NORP: 'Group/nationality', MISC: 'Other',
  NUMBER: 'Number', SENTIMENT: 'Sentence sentiment',
};
// Table rows shown at most (sorting covers all; the CSV has all).
const MAX_ROWS = 2000;
// Bars in the sentiment chart at most; longer documents are binned.
const MAX_BARS = 240;
// Sentences rendered per step of the reading view; more on scroll.
const RENDER_STEP = 400;

const state = {
  docs: [],           // {key, name, size, status, doc, json, ms, error}
  selected: null,     // key
  hidden: new Set(),  // legend entries switched off
  nextJob: 1,
  pending: new Map(), // job -> doc record
  queue: [],          // jobs not yet finished, in order
  ready: false,
  batch: 0,           // one per paste or drop
  manualBatch: 0,     // the batch in force when the user last chose a document
};

// ---------------------------------------------------------------- worker

const worker = new Worker(new URL('./worker.js', import.meta.url),
                          { type: 'module' });
worker.onmessage = (event) => {
  const m = event.data;
  if (m.type === 'ready') {
    state.ready = true;
    // Built-ins by name; a plugin linked into a custom build also says so.
    const list = m.plugins.map((p) => (p.source === 'builtin'
      ? `${p.id} ${p.version}`
      : `${p.id} ${p.version} (${p.source}, plugin ABI ${p.abiVersion})`))
      .join(', ');
    $('engine').textContent = `Analyzer ready (WebAssembly): ${list}.`;
    $('analyze').disabled = false;
    return;
  }
  if (m.type === 'fatal') {
    $('engine').textContent = m.message;
    $('engine').classList.add('bad');
    return;
  }
  if (m.type === 'json' || (m.type === 'failed' && jsonRequests.has(m.job))) {
    const request = jsonRequests.get(m.job);
    jsonRequests.delete(m.job);
    if (request) request(m);
    return;
  }
  const record = state.pending.get(m.job);
  if (!record) return;
  if (m.type === 'stage') {
    record.stage = m.stage;
    updateProgress();
    return;
  }
  state.pending.delete(m.job);
  if (m.type === 'done') {
    record.status = 'done';
    record.doc = m.doc;
    record.pieces = m.pieces;
    record.ms = m.ms;
  } else {
    record.status = 'error';
    record.error = m.message;
    showError(`${record.name}: ${m.message}`);
  }
  updateProgress();
  renderList();
  // The first finished document of a new paste or drop is shown, unless
  // the user picked one since.
  const current = currentRecord();
  if (m.type === 'done' && (!current || current.status !== 'done' ||
      (current.batch < record.batch && state.manualBatch < record.batch))) {
    select(record.key);
  }
};
worker.onerror = (e) => {
  $('engine').textContent = `The analyzer stopped: ${e.message || 'unknown error'}`;
  $('engine').classList.add('bad');
};

function submit(name, payload) {
  const job = state.nextJob++;
  const record = {
    key: job, name: uniqueName(name), size: payload.size, status: 'queued',
    stage: 'queued', started: performance.now(), batch: state.batch,
  };
  state.docs.push(record);
  state.pending.set(job, record);
  if (payload.text !== undefined) {
    worker.postMessage({ type: 'text', job, name: record.name, text: payload.text });
  } else {
    worker.postMessage({ type: 'bytes', job, name: record.name, bytes: payload.bytes },
                       [payload.bytes]);
  }
  renderList();
  updateProgress();
}

function uniqueName(name) {
  const taken = new Set(state.docs.map((d) => d.name));
  if (!taken.has(name)) return name;
  for (let i = 2; ; ++i) {
    const candidate = `${name} (${i})`;
    if (!taken.has(candidate)) return candidate;
  }
}

// ---------------------------------------------------------------- input

let pastes = 0;
function analyzePaste() {
  const text = $('paste').value;
  if (!text.trim()) {
    showError('Nothing to analyze: the text box is empty.');
    return;
  }
  const name = $('paste-name').value.trim() || `Pasted text ${++pastes}`;
  ++state.batch;
  submit(name, { text, size: new Blob([text]).size });
  $('paste').value = '';
  $('paste-name').value = '';
}

async function addFiles(files) {
  ++state.batch;
  for (const file of files) {
    if (file.size > 256 * 1024 * 1024) {
      showError(`${file.name}: too large (${formatBytes(file.size)}); the limit is 256 MB.`);
      continue;
    }
    let bytes;
    try {
      bytes = await file.arrayBuffer();
    } catch (e) {
      showError(`${file.name}: cannot be read (${e.message}).`);
      continue;
    }
    submit(file.name, { bytes, size: file.size });
  }
}

$('analyze').addEventListener('click', analyzePaste);
$('paste').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) analyzePaste();
});
$('files').addEventListener('change', (e) => {
  addFiles([...e.target.files]);
  e.target.value = '';
});
$('drop').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); $('files').click(); }
});

// Files may be dropped anywhere on the page.
let dragDepth = 0;
const hasFiles = (e) => [...(e.dataTransfer?.types || [])].includes('Files');
document.addEventListener('dragenter', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  if (++dragDepth === 1) $('drop-overlay').hidden = false;
});
document.addEventListener('dragleave', (e) => {
  if (!hasFiles(e)) return;
  if (--dragDepth <= 0) { dragDepth = 0; $('drop-overlay').hidden = true; }
});
document.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
document.addEventListener('drop', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth = 0;
  $('drop-overlay').hidden = true;
  addFiles([...e.dataTransfer.files]);
});

$('clear').addEventListener('click', () => {
  for (const d of state.docs) {
    if (!state.pending.has(d.key)) worker.postMessage({ type: 'forget', job: d.key });
  }
  state.docs = state.docs.filter((d) => state.pending.has(d.key));
  state.selected = null;
  $('errors').replaceChildren();
  renderList();
  renderDocument(null);
});

// ---------------------------------------------------------------- status

function showError(message) {
  const li = document.createElement('li');
  li.textContent = message;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'small';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss');
  close.addEventListener('click', () => li.remove());
  li.append(' ', close);
  $('errors').append(li);
}

let progressTimer = 0;
function updateProgress() {
  const open = state.docs.filter((d) => state.pending.has(d.key));
  const box = $('progress-box');
  if (!open.length) {
    box.hidden = true;
    clearInterval(progressTimer);
    progressTimer = 0;
    return;
  }
  box.hidden = false;
  const done = state.docs.filter((d) => d.status !== 'queued').length;
  const current = open.find((d) => d.stage !== 'queued') || open[0];
  const seconds = ((performance.now() - current.started) / 1000).toFixed(1);
  const words = { queued: 'Waiting for', checking: 'Checking', analyzing: 'Analyzing',
                  packing: 'Preparing' };
  $('progress-text').textContent =
      `${words[current.stage] || 'Analyzing'} ${current.name} ` +
      `(${formatBytes(current.size)}) — ${done + 1} of ${state.docs.length}, ${seconds} s`;
  if (!progressTimer) progressTimer = setInterval(updateProgress, 250);
}

// ---------------------------------------------------------------- list

function currentRecord() {
  return state.docs.find((d) => d.key === state.selected) || null;
}

function renderList() {
  const list = $('doc-list');
  list.replaceChildren();
  for (const record of state.docs) {
    const li = document.createElement('li');
    li.className = `doc ${record.status}`;
    li.dataset.key = record.key;
    if (record.key === state.selected) li.classList.add('selected');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'doc-button';
    const title = document.createElement('span');
    title.className = 'doc-name';
    title.textContent = record.name;
    const meta = document.createElement('span');
    meta.className = 'doc-meta';
    if (record.status === 'done') {
      const s = record.doc.sentiment;
      meta.textContent = `${formatBytes(record.size)} · ${record.doc.entities.length} entities · ` +
          `${record.doc.numbers.length} numbers · ${record.ms.toFixed(0)} ms`;
      if (s) {
        const badge = document.createElement('span');
        badge.className = `badge ${s.label}`;
        badge.textContent = labelText(s.label);
        title.append(' ', badge);
      }
    } else if (record.status === 'error') {
      meta.textContent = `failed: ${record.error}`;
    } else {
      meta.textContent = `${formatBytes(record.size)} · waiting…`;
    }
    button.append(title, meta);
    button.disabled = record.status !== 'done';
    button.addEventListener('click', () => {
      state.manualBatch = state.batch;
      select(record.key);
    });
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'small remove';
    remove.textContent = '×';
    remove.setAttribute('aria-label', `Remove ${record.name}`);
    remove.disabled = state.pending.has(record.key);
    remove.addEventListener('click', () => {
      state.docs = state.docs.filter((d) => d !== record);
      worker.postMessage({ type: 'forget', job: record.key });
      if (state.selected === record.key) {
        state.selected = null;
        renderDocument(null);
      }
      renderList();
    });
    li.append(button, remove);
    list.append(li);
  }
  $('no-docs').hidden = state.docs.length > 0;
  $('clear').hidden = state.docs.length === 0;
}

function select(key) {
  state.selected = key;
  renderList();
  renderDocument(currentRecord());
}

// ---------------------------------------------------------------- reading view

function formatValue(value) {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1e12) return `${+(value / 1e12).toPrecision(4)} trillion`;
  if (abs >= 1e9) return `${+(value / 1e9).toPrecision(4)} billion`;
  if (abs >= 1e6) return `${+(value / 1e6).toPrecision(4)} million`;
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

function numberValueText(n) {
  let text = formatValue(n.value);
  if (n.range && (n.range.low || n.range.high)) {
    text = `${formatValue(n.range.low)} – ${formatValue(n.range.high)}`;
  }
  if (n.unit) text += ` ${n.unit}`;
  return text;
}

function numberTitle(n) {
  const parts = [`${n.kind.toLowerCase()}: ${numberValueText(n)}`];
  if (n.timex) parts.push(`time: ${n.timex}`);
  if (n.qualifier) parts.push(`qualifier: “${n.qualifier}”`);
  if (n.approximate) parts.push('approximate');
  if (n.vague) parts.push('vague (an order of magnitude)');
  return parts.join('\n');
}

function sentimentColor(sentiment) {
  if (!sentiment) return '';
  const score = Math.max(-1, Math.min(1, sentiment.score || 0));
  if (Math.abs(score) < 0.05) return '';
  const alpha = (0.08 + 0.27 * Math.abs(score)).toFixed(2);
  return score > 0 ? `rgba(46, 160, 67, ${alpha})` : `rgba(218, 54, 51, ${alpha})`;
}

function labelText(label) {
  return (label || '').replace('LABEL_UNSPECIFIED', 'none').toLowerCase();
}

// Piece i of worker.js's segments(): {begin, end, s, e, n}.
function pieceAt(pieces, i) {
  const k = i * 5;
  return { begin: pieces[k], end: pieces[k + 1], s: pieces[k + 2], e: pieces[k + 3],
           n: pieces[k + 4] };
}

// Builds the DOM for pieces [from, to) into a fragment.
function renderSegments(doc, pieces, from, to) {
  const fragment = document.createDocumentFragment();
  let sentenceIndex = -2;
  let sentenceEl = null;
  let i = from;
  while (i < to) {
    const piece = pieceAt(pieces, i);
    if (piece.s !== sentenceIndex) {
      sentenceIndex = piece.s;
      if (piece.s >= 0) {
        const s = doc.sentences[piece.s];
        sentenceEl = document.createElement('span');
        sentenceEl.className = 'sent';
        if (s.boilerplate) sentenceEl.classList.add('boilerplate');
        if (s.heading) sentenceEl.classList.add('heading');
        sentenceEl.dataset.s = piece.s;
        const color = s.boilerplate ? '' : sentimentColor(s.sentiment);
        if (color) sentenceEl.style.setProperty('--tint', color);
        if (s.sentiment && !s.boilerplate) {
          sentenceEl.dataset.sentiment = s.sentiment.label;
        }
        fragment.append(sentenceEl);
      } else {
        sentenceEl = null;
      }
    }
    const parent = sentenceEl || fragment;
    // Consecutive pieces under the same entity/number form one mark.
    let j = i + 1;
    while (j < to && pieces[j * 5 + 2] === piece.s && pieces[j * 5 + 3] === piece.e &&
           pieces[j * 5 + 4] === piece.n) ++j;
    const text = doc.text.slice(piece.begin, pieces[(j - 1) * 5 + 1]);
    if (piece.e < 0 && piece.n < 0) {
      parent.append(text);
    } else {
      const mark = document.createElement('mark');
      const titles = [];
      if (piece.e >= 0) {
        const e = doc.entities[piece.e];
        mark.classList.add('ent', `ent-${e.type}`);
        mark.dataset.entity = piece.e;
        mark.dataset.type = e.type;
        titles.push(`${TYPE_NAMES[e.type] || e.type}: ${e.canonical || e.text}` +
                    ` (confidence ${(+e.confidence).toFixed(2)})`);
      }
      if (piece.n >= 0) {
        const n = doc.numbers[piece.n];
        mark.classList.add('num');
        mark.dataset.number = piece.n;
        mark.dataset.kind = n.kind;
        mark.dataset.value = numberValueText(n);
        titles.push(numberTitle(n));
      }
      mark.title = titles.join('\n');
      mark.textContent = text;
      parent.append(mark);
    }
    i = j;
  }
  return fragment;
}

let reading = null; // {doc, pieces, count, rendered}

function renderMore() {
  if (!reading) return;
  const { doc, pieces, count } = reading;
  // RENDER_STEP sentences' worth of pieces.
  let to = reading.rendered;
  let sentences = 0;
  let last = -2;
  while (to < count && sentences < RENDER_STEP) {
    if (pieces[to * 5 + 2] !== last) { last = pieces[to * 5 + 2]; ++sentences; }
    ++to;
  }
  // Keep the pieces of the last sentence together.
  while (to < count && pieces[to * 5 + 2] === last && last >= 0) ++to;
  $('reading').append(renderSegments(doc, pieces, reading.rendered, to));
  reading.rendered = to;
  $('more').hidden = to >= count;
}
$('more').addEventListener('click', renderMore);
const moreObserver = new IntersectionObserver((entries) => {
  if (entries.some((e) => e.isIntersecting)) renderMore();
});
moreObserver.observe($('more'));

function scrollToSentence(index) {
  if (!reading) return;
  let el = $('reading').querySelector(`[data-s="${index}"]`);
  while (!el && reading.rendered < reading.count) {
    renderMore();
    el = $('reading').querySelector(`[data-s="${index}"]`);
  }
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.classList.add('flash');
  setTimeout(() => el.classList.remove('flash'), 1500);
}

// ---------------------------------------------------------------- legend

function renderLegend(doc) {
  const items = $('legend-items');
  items.replaceChildren();
  const counts = {};
  for (const e of doc.entities) counts[e.type] = (counts[e.type] || 0) + 1;
  const keys = ENTITY_TYPES.filter((t) => counts[t]);
  for (const t of Object.keys(counts)) if (!keys.includes(t)) keys.push(t);
  keys.push('NUMBER', 'SENTIMENT');
  counts.NUMBER = doc.numbers.length;
  counts.SENTIMENT = doc.sentences.filter((s) => s.sentiment && !s.boilerplate).length;
  for (const key of keys) {
    const label = document.createElement('label');
    label.className = `legend-item key-${key}`;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = !state.hidden.has(key);
    box.dataset.key = key;
    box.addEventListener('change', () => {
      if (box.checked) state.hidden.delete(key);
      else state.hidden.add(key);
      applyFilters();
    });
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    label.append(box, swatch, ` ${TYPE_NAMES[key] || key} (${counts[key]})`);
    items.append(label);
  }
  $('legend').hidden = false;
  applyFilters();
}

function applyFilters() {
  const article = $('reading');
  for (const key of [...ENTITY_TYPES, 'NUMBER', 'SENTIMENT']) {
    article.classList.toggle(`hide-${key}`, state.hidden.has(key));
  }
  const table = $('entities-table');
  for (const row of table.querySelectorAll('tbody tr')) {
    row.hidden = state.hidden.has(row.dataset.type);
  }
  $('numbers-table').classList.toggle('dim', state.hidden.has('NUMBER'));
}

// ---------------------------------------------------------------- tables

// A sortable table. columns: [{key, label, numeric?, format?}]; rows: objects.
function renderTable(container, columns, rows, rowAttrs) {
  const table = document.createElement('table');
  const thead = document.createElement('thead');
  const headRow = document.createElement('tr');
  const tbody = document.createElement('tbody');
  const note = document.createElement('p');
  note.className = 'muted';
  let sortKey = null;
  let ascending = true;
  const fill = () => {
    const sorted = rows.slice();
    if (sortKey) {
      const column = columns.find((c) => c.key === sortKey);
      sorted.sort((a, b) => {
        const x = a[sortKey];
        const y = b[sortKey];
        const order = column.numeric ? (x - y)
            : String(x).localeCompare(String(y), undefined, { sensitivity: 'base' });
        return ascending ? order : -order;
      });
    }
    tbody.replaceChildren();
    for (const row of sorted.slice(0, MAX_ROWS)) {
      const tr = document.createElement('tr');
      if (rowAttrs) rowAttrs(tr, row);
      for (const c of columns) {
        const td = document.createElement('td');
        const value = c.format ? c.format(row[c.key], row) : row[c.key];
        td.textContent = value === undefined || value === null ? '' : String(value);
        if (c.numeric) td.className = 'numeric';
        tr.append(td);
      }
      tbody.append(tr);
    }
    note.hidden = sorted.length <= MAX_ROWS;
    note.textContent = `Showing ${MAX_ROWS} of ${sorted.length} rows; sort to see others, ` +
        'or export the CSV for all.';
    applyFilters();
  };
  for (const c of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = c.label;
    button.addEventListener('click', () => {
      ascending = sortKey === c.key ? !ascending : true;
      sortKey = c.key;
      for (const other of headRow.children) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      fill();
    });
    th.append(button);
    headRow.append(th);
  }
  thead.append(headRow);
  table.append(thead, tbody);
  container.replaceChildren(table, note);
  fill();
}

function csvCell(value) {
  let s = value === undefined || value === null ? '' : String(value);
  // A spreadsheet would run a cell starting with these as a formula.
  if (/^[=+@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(columns, rows) {
  const lines = [columns.map((c) => csvCell(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function baseName(name) {
  return name.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'document';
}

const ENTITY_COLUMNS = [
  { key: 'canonical', label: 'Entity' },
  { key: 'type', label: 'Type' },
  { key: 'mentions', label: 'Mentions', numeric: true },
  { key: 'score', label: 'Sentiment', numeric: true,
    format: (v, row) => (row.label ? `${v >= 0 ? '+' : ''}${v.toFixed(2)} ${labelText(row.label)}` : '') },
  { key: 'forms', label: 'As written' },
];
const NUMBER_COLUMNS = [
  { key: 'text', label: 'Text' },
  { key: 'kind', label: 'Kind' },
  { key: 'value', label: 'Value', numeric: true,
    format: (v, row) => (row.rangeHigh !== '' ? `${formatValue(v)} – ${formatValue(row.rangeHigh)}` : formatValue(v)) },
  { key: 'unit', label: 'Unit' },
  { key: 'qualifier', label: 'Qualifier' },
  { key: 'position', label: 'Offset', numeric: true },
];

function entityRows(doc) {
  const groups = new Map();
  for (const e of doc.entities) {
    const canonical = e.canonical || e.text;
    let g = groups.get(canonical);
    if (!g) {
      g = { canonical, types: new Map(), mentions: 0, forms: new Set() };
      groups.set(canonical, g);
    }
    g.mentions += 1;
    g.types.set(e.type, (g.types.get(e.type) || 0) + 1);
    g.forms.add(e.text);
  }
  const sentiments = new Map();
  for (const s of doc.entitySentiments || []) sentiments.set(s.canonical, s);
  return [...groups.values()].map((g) => {
    const type = [...g.types.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const s = sentiments.get(g.canonical);
    return {
      canonical: g.canonical, type, mentions: g.mentions,
      score: s && s.sentiment ? s.sentiment.score : 0,
      label: s && s.sentiment ? s.sentiment.label : '',
      forms: [...g.forms].join('; '),
    };
  }).sort((a, b) => b.mentions - a.mentions || a.canonical.localeCompare(b.canonical));
}

function numberRows(doc) {
  return doc.numbers.map((n) => ({
    text: n.text, kind: n.kind, value: n.value, unit: n.unit,
    rangeHigh: n.range && (n.range.low || n.range.high) ? n.range.high : '',
    qualifier: [n.qualifier, n.approximate && !n.qualifier ? '≈' : '', n.vague ? 'vague' : '']
        .filter(Boolean).join(' '),
    position: n.span.utf16Begin,
  }));
}

// ---------------------------------------------------------------- chart

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, parent) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (parent) parent.append(el);
  return el;
}

function renderChart(doc) {
  const chart = $('chart');
  chart.replaceChildren();
  const points = [];
  doc.sentences.forEach((s, i) => {
    if (s.sentiment && !s.boilerplate) points.push({ i, s: s.sentiment });
  });
  const width = 360;
  const height = 150;
  const pad = { left: 28, right: 6, top: 8, bottom: 18 };
  chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const y = (score) => pad.top + (1 - (score + 1) / 2) * plotH;
  // Axes and grid.
  for (const v of [1, 0.5, 0, -0.5, -1]) {
    svg('line', { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v),
                  class: v === 0 ? 'axis' : 'grid' }, chart);
    const label = svg('text', { x: pad.left - 4, y: y(v) + 3, class: 'tick',
                                'text-anchor': 'end' }, chart);
    label.textContent = v > 0 ? `+${v}` : String(v);
  }
  const startLabel = svg('text', { x: pad.left, y: height - 4, class: 'tick' }, chart);
  startLabel.textContent = 'start';
  const endLabel = svg('text', { x: width - pad.right, y: height - 4, class: 'tick',
                                 'text-anchor': 'end' }, chart);
  endLabel.textContent = `end (${points.length} sentences)`;
  if (!points.length) return;
  // Long documents: one bar per run of sentences, with their mean score.
  const perBar = Math.ceil(points.length / MAX_BARS);
  const bars = [];
  for (let k = 0; k < points.length; k += perBar) {
    const group = points.slice(k, k + perBar);
    const mean = group.reduce((sum, p) => sum + (p.s.score || 0), 0) / group.length;
    bars.push({ first: group[0].i, last: group[group.length - 1].i, score: mean,
                label: group.length === 1 ? labelText(group[0].s.label) : 'mean' });
  }
  const step = plotW / bars.length;
  const barW = Math.max(0.5, step * 0.8);
  bars.forEach((p, k) => {
    const score = Math.max(-1, Math.min(1, p.score));
    const top = Math.min(y(score), y(0));
    const h = Math.max(0.8, Math.abs(y(score) - y(0)));
    const bar = svg('rect', {
      x: (pad.left + k * step + (step - barW) / 2).toFixed(2), y: top.toFixed(2),
      width: barW.toFixed(2), height: h.toFixed(2),
      class: `bar ${score > 0.05 ? 'pos' : score < -0.05 ? 'neg' : 'neu'}`,
      'data-s': p.first,
    }, chart);
    const title = svg('title', {}, bar);
    const which = p.first === p.last ? `Sentence ${p.first + 1}`
        : `Sentences ${p.first + 1}–${p.last + 1}`;
    title.textContent = `${which}: ${score >= 0 ? '+' : ''}${score.toFixed(2)} ${p.label}`;
    bar.addEventListener('click', () => scrollToSentence(p.first));
  });
  // A moving average shows the arc of the piece.
  const span = Math.max(1, Math.round(bars.length / 12));
  let path = '';
  let sum = 0;
  const scores = bars.map((p) => Math.max(-1, Math.min(1, p.score)));
  scores.forEach((s, k) => {
    sum += s;
    if (k >= span) sum -= scores[k - span];
    const avg = sum / Math.min(k + 1, span);
    const x = pad.left + k * step + step / 2;
    path += `${k ? 'L' : 'M'}${x.toFixed(2)},${y(avg).toFixed(2)}`;
  });
  svg('path', { d: path, class: 'trend' }, chart);
}

// ---------------------------------------------------------------- document

// Lets the browser paint and handle input between the parts of a render.
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 0));
let renderToken = 0;

async function renderDocument(record) {
  const token = ++renderToken;
  delete document.body.dataset.rendered;
  const has = record && record.status === 'done';
  for (const id of ['sentiment-panel', 'entities-panel', 'numbers-panel', 'provenance-panel']) {
    $(id).hidden = !has;
  }
  $('download-json').disabled = !has;
  $('legend').hidden = !has;
  $('reading').replaceChildren();
  $('more').hidden = true;
  reading = null;
  if (!has) {
    $('doc-title').textContent = 'Reading view';
    return;
  }
  const { doc } = record;
  $('doc-title').textContent = record.name;

  // Reading view, in steps.
  reading = { doc, pieces: record.pieces, count: record.pieces.length / 5, rendered: 0 };
  renderMore();
  renderLegend(doc);
  await nextFrame();
  if (token !== renderToken) return;

  // Sentiment.
  const s = doc.sentiment;
  const p = $('doc-sentiment');
  p.replaceChildren();
  if (s) {
    const badge = document.createElement('span');
    badge.className = `badge ${s.label}`;
    badge.textContent = labelText(s.label);
    p.append('Document: ', badge,
             ` score ${s.score >= 0 ? '+' : ''}${(+s.score).toFixed(2)}, ` +
             `magnitude ${(+s.magnitude).toFixed(2)} · ${doc.sentences.length} sentences, ` +
             `${doc.tokenCount} tokens`);
  } else {
    p.textContent = 'No sentiment plugin ran.';
  }
  renderChart(doc);

  await nextFrame();
  if (token !== renderToken) return;

  // Entities and numbers.
  const entities = entityRows(doc);
  renderTable($('entities-table'), ENTITY_COLUMNS, entities, (tr, row) => {
    tr.dataset.type = row.type;
    tr.classList.add(`row-${row.type}`);
  });
  const numbers = numberRows(doc);
  renderTable($('numbers-table'), NUMBER_COLUMNS, numbers);
  $('entities-csv').onclick = () => download(
      `${baseName(record.name)}-entities.csv`,
      new Blob([toCsv(ENTITY_COLUMNS.map((c) => (c.key === 'score'
          ? { key: 'score', label: 'Sentiment score' } : c))
          .concat([{ key: 'label', label: 'Sentiment label' }]), entities)],
               { type: 'text/csv' }));
  $('numbers-csv').onclick = () => download(
      `${baseName(record.name)}-numbers.csv`,
      new Blob([toCsv(NUMBER_COLUMNS.concat([{ key: 'rangeHigh', label: 'Range high' }]),
                      numbers)], { type: 'text/csv' }));

  await nextFrame();
  if (token !== renderToken) return;

  // Provenance.
  renderTable($('provenance-table'), [
    { key: 'id', label: 'Run', numeric: true },
    { key: 'plugin', label: 'Plugin' },
    { key: 'version', label: 'Version' },
    { key: 'source', label: 'Source' },
    { key: 'optionsDigest', label: 'Options digest' },
  ], doc.runs);
  const diagnostics = $('diagnostics');
  diagnostics.replaceChildren();
  for (const d of doc.diagnostics) {
    const li = document.createElement('li');
    li.className = d.severity;
    li.textContent = `${d.severity.toLowerCase()} (${d.source}): ${d.message}`;
    diagnostics.append(li);
  }
  $('download-json').onclick = () => downloadJson(record);
  // For tests and scripts: the document whose rendering is complete.
  document.body.dataset.rendered = record.name;
}

// The whole Document, tokens included, from the worker (which analyses the
// text again: the page keeps only what it shows).
const jsonRequests = new Map();
async function downloadJson(record) {
  const button = $('download-json');
  if (!record.json) {
    button.disabled = true;
    button.textContent = 'Preparing JSON…';
    const reply = await new Promise((resolve) => {
      jsonRequests.set(record.key, resolve);
      worker.postMessage({ type: 'json', job: record.key });
    });
    button.textContent = 'Download JSON';
    button.disabled = currentRecord() === null;
    if (reply.type !== 'json') {
      showError(`${record.name}: ${reply.message}`);
      return;
    }
    record.json = reply.blob;
  }
  download(`${baseName(record.name)}.loupe.json`, record.json);
}

function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

renderList();
