// One email template: Subjek, HTML and Teks as Liquid, a live preview with sample values, versions with restore.
import { api, ApiError } from '../api.js';
import { escapeHtml, formatWita, h } from '../format.js';
import { fromInput, sampleValue, toInput } from './samples.js';
import { guardUnsaved } from './unsaved.js';
import './email-templates.css';

const PARTS = [
  { key: 'subject', label: 'Subjek' },
  { key: 'html', label: 'HTML' },
  { key: 'text', label: 'Teks' },
];
const PART_LABELS = Object.fromEntries(PARTS.map((p) => [p.key, p.label]));

export default async function render(container, { params }) {
  const name = params.name;
  let data = await api.get(`/api/email-templates/${encodeURIComponent(name)}`);
  const page = h(`
    <section class="page email-template-editor" data-testid="email-template-editor">
      <div class="et-head">
        <a href="/templat-email" data-link>‹ Templat email</a>
        <h1>${escapeHtml(name)}</h1>
        <span class="badge" data-testid="current-version"></span>
        <span class="muted et-description">${escapeHtml(data.description || '')}</span>
      </div>
      <div class="et-message" data-testid="message" aria-live="polite"></div>
      <div class="et-grid">
        <div class="et-edit">
          <div class="tabs" role="tablist">${PARTS.map((p, i) => `<button type="button" role="tab" data-part="${p.key}" class="${i === 0 ? 'active' : ''}">${p.label}</button>`).join('')}</div>
          ${PARTS.map((p, i) => `<textarea class="et-code" data-part="${p.key}" data-testid="part-${p.key}" spellcheck="false" aria-label="${p.label}" ${i === 0 ? '' : 'hidden'}></textarea>`).join('')}
          <ul class="et-problems" data-testid="problems"></ul>
          <div class="et-save">
            <input name="comment" maxlength="500" placeholder="Alasan perubahan (mis. perbaikan kalimat)" aria-label="Alasan perubahan" data-testid="comment">
            <button type="button" class="primary" data-testid="save">Simpan versi baru</button>
          </div>
          <p class="muted small">Tulis variabel sebagai <code>{{ nama }}</code>; format tersedia: <code>tanggal</code>, <code>tanggal_waktu</code>, <code>waktu</code>, <code>rupiah</code> (mis. <code>{{ gaji_pokok | rupiah }}</code>). Variabel yang boleh kosong disebut pada baris <code>opsional:</code> templat.</p>
        </div>
        <div class="et-preview">
          <div class="et-preview-head">
            <h2>Pratinjau</h2>
            <div class="tabs">
              <button type="button" data-view="html" class="active">HTML</button><button type="button" data-view="text">Teks</button>
            </div>
          </div>
          <div class="et-viewing" data-testid="viewing" hidden></div>
          <div class="et-subject"><span class="muted">Subjek:</span> <strong data-testid="preview-subject"></strong></div>
          <iframe class="et-frame" sandbox="" title="Pratinjau HTML" data-testid="preview-html"></iframe>
          <pre class="et-text" data-testid="preview-text" hidden></pre>
        </div>
      </div>
      <div class="et-bottom">
        <section class="et-samples">
          <h2>Variabel contoh</h2>
          <p class="muted small">Nilai untuk pratinjau saja; tidak disimpan.</p>
          <div class="et-sample-grid" data-testid="samples"></div>
        </section>
        <section class="et-versions">
          <h2>Riwayat versi</h2>
          <table class="list"><thead><tr><th>Versi</th><th>Diubah oleh</th><th>Waktu</th><th>Alasan</th><th></th></tr></thead>
            <tbody data-testid="versions"></tbody></table>
        </section>
      </div>
    </section>`);
  container.append(page);

  const areas = Object.fromEntries(PARTS.map((p) => [p.key, page.querySelector(`textarea[data-part=${p.key}]`)]));
  const comment = page.querySelector('[name=comment]');
  const message = page.querySelector('[data-testid=message]');
  const frame = page.querySelector('iframe');
  const textView = page.querySelector('.et-text');
  const samplesEl = page.querySelector('[data-testid=samples]');
  const viewing = page.querySelector('[data-testid=viewing]');
  const samples = new Map();
  let viewed = null;

  const edited = () => ({ subject: areas.subject.value, html: areas.html.value, text: areas.text.value });
  const dirty = () => PARTS.some((p) => areas[p.key].value !== data[p.key]);
  const release = guardUnsaved(dirty, location.pathname);

  function show(part) {
    page.querySelectorAll('.et-edit .tabs button').forEach((b) => b.classList.toggle('active', b.dataset.part === part));
    PARTS.forEach((p) => { areas[p.key].hidden = p.key !== part; });
  }
  page.querySelectorAll('.et-edit .tabs button').forEach((b) => b.addEventListener('click', () => show(b.dataset.part)));
  page.querySelectorAll('.et-preview .tabs button').forEach((b) => b.addEventListener('click', () => {
    page.querySelectorAll('.et-preview .tabs button').forEach((x) => x.classList.toggle('active', x === b));
    frame.hidden = b.dataset.view !== 'html';
    textView.hidden = b.dataset.view !== 'text';
  }));

  function fill() {
    PARTS.forEach((p) => { areas[p.key].value = data[p.key]; });
    page.querySelector('[data-testid=current-version]').textContent = `Versi ${data.version}${data.version === 1 ? ' (bawaan)' : ''}`;
    addSamples(data.variables);
    renderVersions();
  }

  function addSamples(variables) {
    const names = [...(variables?.required || []), ...(variables?.optional || [])];
    for (const v of names) {
      if (samples.has(v)) continue;
      const value = sampleValue(v);
      const optional = variables.optional.includes(v);
      const label = h(`<label><span>${escapeHtml(v)}${optional ? ' <small class="muted">(opsional)</small>' : ''}</span>
        <input data-var="${escapeHtml(v)}" data-kind="${typeof value}" value="${escapeHtml(toInput(value))}"></label>`);
      const input = label.querySelector('input');
      input.addEventListener('input', schedule);
      samples.set(v, input);
      samplesEl.append(label);
    }
  }

  function sampleVariables() {
    const out = {};
    for (const [v, input] of samples) out[v] = fromInput(input.value, input.dataset.kind);
    return out;
  }

  function renderVersions() {
    page.querySelector('[data-testid=versions]').innerHTML = data.versions.map((v) => `
      <tr data-testid="version-row" data-version="${v.version}">
        <td>${v.version}${v.version === data.version ? ' <span class="badge status-completed">aktif</span>' : ''}</td>
        <td title="${escapeHtml(v.changedBy || '')}">${v.shipped ? '<span class="muted">Templat bawaan</span>' : escapeHtml(v.changedByName || v.changedBy)}</td>
        <td>${v.shipped ? '–' : formatWita(v.changedAt)}</td>
        <td title="${escapeHtml(v.comment || '')}">${escapeHtml(v.comment || (v.restoredFrom ? `Memulihkan versi ${v.restoredFrom}` : '–'))}</td>
        <td class="et-actions"><button type="button" class="link" data-view-version="${v.version}">Lihat</button>${v.version === data.version ? ''
          : `<button type="button" class="link" data-restore="${v.version}" data-testid="restore-${v.version}">Pulihkan</button>`}</td>
      </tr>`).join('');
    page.querySelectorAll('[data-view-version]').forEach((b) => b.addEventListener('click', () => viewVersion(Number(b.dataset.viewVersion))));
    page.querySelectorAll('[data-restore]').forEach((b) => b.addEventListener('click', () => restore(Number(b.dataset.restore))));
  }

  function say(html, kind = 'ok') {
    message.innerHTML = html ? `<div class="banner ${kind}">${html}</div>` : '';
  }

  function showProblems(problems) {
    const list = page.querySelector('[data-testid=problems]');
    list.innerHTML = (problems || []).map((p, i) => `<li class="error"><button type="button" class="link" data-i="${i}">${escapeHtml(p.part ? PART_LABELS[p.part] || p.part : 'Pratinjau')}${p.line ? `, baris ${p.line}` : ''}</button> ${escapeHtml(p.message)}</li>`).join('');
    list.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => goTo(problems[Number(b.dataset.i)])));
  }

  // Puts the cursor on the problem's line in its part.
  function goTo(problem) {
    if (!problem.part || !areas[problem.part]) return;
    show(problem.part);
    const area = areas[problem.part];
    const lines = area.value.split('\n');
    const line = Math.min(Math.max(problem.line || 1, 1), lines.length);
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + lines[line - 1].length);
  }

  let timer;
  let previewCount = 0;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(preview, 350);
  }

  async function preview() {
    const mine = ++previewCount;
    const content = viewed || edited();
    try {
      const result = await api.post(`/api/email-templates/${encodeURIComponent(name)}/preview`, { ...content, variables: sampleVariables() });
      if (mine !== previewCount) return;
      if (result.variables) {
        const before = samples.size;
        addSamples(result.variables);
        if (samples.size !== before) { schedule(); }
      }
      showProblems(result.problems);
      page.querySelector('[data-testid=preview-subject]').textContent = result.subject ?? '–';
      frame.srcdoc = result.html ?? '<p style="font-family: sans-serif; color: #656d76">Pratinjau belum dapat ditampilkan.</p>';
      textView.textContent = result.text ?? '';
    } catch (e) {
      if (mine !== previewCount) return;
      showProblems([{ part: e.problem?.field, message: e.message }]);
    }
  }

  async function viewVersion(version) {
    if (version === data.version && !dirty()) { viewed = null; viewing.hidden = true; return preview(); }
    const v = await api.get(`/api/email-templates/${encodeURIComponent(name)}/versions/${version}`);
    viewed = { subject: v.subject, html: v.html, text: v.text };
    viewing.hidden = false;
    viewing.innerHTML = `Menampilkan versi ${version}. <button type="button" class="link">Kembali ke suntingan</button>`;
    viewing.querySelector('button').addEventListener('click', () => { viewed = null; viewing.hidden = true; preview(); });
    await preview();
  }

  async function reload() {
    data = await api.get(`/api/email-templates/${encodeURIComponent(name)}`);
    fill();
    viewed = null;
    viewing.hidden = true;
    await preview();
  }

  async function save(body, done) {
    const button = page.querySelector('[data-testid=save]');
    button.disabled = true;
    try {
      const saved = await api.put(`/api/email-templates/${encodeURIComponent(name)}`, body);
      comment.value = '';
      await reload();
      const extra = saved.newlyRequired?.length
        ? ` Perhatian: versi ini memerlukan variabel baru (${saved.newlyRequired.map(escapeHtml).join(', ')}); tugas email yang ada mungkin belum menyediakannya.` : '';
      say(`${escapeHtml(done(saved.version))}${extra}`, saved.newlyRequired?.length ? 'error' : 'ok');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 409) {
        say(`${escapeHtml(e.message)} <button type="button" class="link" data-testid="load-newest">Buka versi terbaru</button> <span class="small">(suntingan Anda akan hilang)</span>`, 'error');
        message.querySelector('button').addEventListener('click', async () => { await reload(); say(''); });
      } else {
        say(escapeHtml(e.message), 'error');
        if (e.problem?.problems) showProblems(e.problem.problems);
        if (e.problem?.problems?.[0]) goTo(e.problem.problems[0]);
      }
    } finally {
      button.disabled = false;
    }
  }

  page.querySelector('[data-testid=save]').addEventListener('click', () => {
    if (!dirty()) { say('Tidak ada perubahan untuk disimpan.', 'ok'); return; }
    save({ baseVersion: data.version, ...edited(), comment: comment.value.trim() || null }, (v) => `Tersimpan sebagai versi ${v}. Email berikutnya memakai versi ini.`);
  });

  async function restore(version) {
    const lose = dirty() ? ' Suntingan yang belum disimpan akan hilang.' : '';
    if (!window.confirm(`Pulihkan versi ${version}? Isinya disimpan sebagai versi baru.${lose}`)) return;
    await save({ baseVersion: data.version, restoredFrom: version, comment: `Memulihkan versi ${version}` }, (v) => `Versi ${version} dipulihkan sebagai versi ${v}.`);
  }

  PARTS.forEach((p) => areas[p.key].addEventListener('input', () => { viewed = null; viewing.hidden = true; schedule(); }));
  fill();
  await preview();
  return () => { clearTimeout(timer); release(); };
}
