// A PDF drawn into the page with pdf.js (canvas per page): it shows the same in every browser, headless Chromium
// included, where a PDF in an <iframe> shows nothing. pdf.js loads only when a page shows a document.
import { api, ApiError } from '../api.js';

let pdfjs = null;

async function library() {
  if (!pdfjs) {
    const [lib, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    pdfjs = lib;
  }
  return pdfjs;
}

/** Draws every page of the PDF at `url` into `host`, as wide as the host (at most `maxWidth` CSS pixels). */
export async function renderPdf(host, url, { maxWidth = 820 } = {}) {
  const lib = await library();
  let file;
  try {
    file = await api.blob(url);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    throw new Error(e.problem?.title || `Dokumen tidak dapat dibuka (HTTP ${e.status}).`);
  }
  const doc = await lib.getDocument({ data: new Uint8Array(await file.blob.arrayBuffer()) }).promise;
  const width = Math.min(maxWidth, host.clientWidth || maxWidth);
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const scale = width / page.getViewport({ scale: 1 }).width;
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: scale * ratio });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
    canvas.className = 'pdf-page';
    canvas.setAttribute('aria-label', `Halaman ${n} dari ${doc.numPages}`);
    host.append(canvas);
    await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
  }
  host.dataset.pages = String(doc.numPages);
  await doc.destroy();
}
