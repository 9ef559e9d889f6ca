// Bahasa Indonesia for the form-js editor (and, at the end, the viewer's validation messages). form-js 1.x has no translation hook for its palette and properties panel
// (bpmn-io/form-js#77), so its built-in texts are replaced on the DOM as they render, inside the editor's container
// only. What the user typed (field labels, keys, option values) is never touched: text inside form fields on the
// canvas, inputs and the properties panel's header label is skipped.

const TEXTS = {
  // Palette
  Components: 'Komponen',
  'Search components': 'Cari komponen',
  'Clear content': 'Hapus isian',
  'No components found.': 'Tidak ada komponen yang cocok.',
  Input: 'Isian',
  Selection: 'Pilihan',
  Presentation: 'Tampilan',
  Containers: 'Wadah',
  Action: 'Aksi',
  'Text field': 'Kolom teks',
  'Text area': 'Area teks',
  Number: 'Angka',
  'Date time': 'Tanggal & waktu',
  Checkbox: 'Kotak centang',
  'Checkbox group': 'Grup kotak centang',
  'Radio group': 'Grup pilihan tunggal',
  Select: 'Daftar pilihan',
  'Tag list': 'Daftar tag',
  'Text view': 'Teks',
  'Image view': 'Gambar',
  'HTML view': 'Tampilan HTML',
  'Document preview': 'Pratinjau dokumen',
  Table: 'Tabel',
  Expression: 'Ekspresi',
  Spacer: 'Spasi',
  Separator: 'Pemisah',
  Group: 'Grup',
  'Dynamic list': 'Daftar dinamis',
  Button: 'Tombol',
  'File picker': 'Pemilih berkas',
  // Canvas placeholders of fields whose content is computed
  'Text view is templated': 'Teks memakai templat',
  'Text view is populated by an expression': 'Teks diisi oleh ekspresi',
  'HTML view is templated': 'Tampilan HTML memakai templat',
  'HTML view is populated by an expression': 'Tampilan HTML diisi oleh ekspresi',
  'Image view is populated by an expression': 'Gambar diisi oleh ekspresi',
  'Image view is templated': 'Gambar memakai templat',
  'Table view is populated by an expression': 'Tabel diisi oleh ekspresi',
  // Canvas when empty
  'Build your form': 'Susun formulir Anda',
  'Drag and drop components here to start designing.': 'Seret komponen ke sini untuk mulai menyusun.',
  'Drag and drop components here.': 'Seret komponen ke sini.',
  // Properties panel: groups
  General: 'Umum',
  Condition: 'Kondisi',
  Validation: 'Validasi',
  Appearance: 'Tampilan',
  Layout: 'Tata letak',
  Serialization: 'Serialisasi',
  Constraints: 'Batasan',
  'Options source': 'Sumber opsi',
  'Static options': 'Opsi tetap',
  'Dynamic options': 'Opsi dinamis',
  'Options expression': 'Ekspresi opsi',
  'Custom properties': 'Properti khusus',
  'Security attributes': 'Atribut keamanan',
  'Form submission': 'Pengiriman formulir',
  'Headers source': 'Sumber judul kolom',
  'Header items': 'Judul kolom',
  'Data source': 'Sumber data',
  Pagination: 'Halaman',
  Content: 'Konten',
  // Properties panel: entries
  'Field label': 'Label isian',
  'Field description': 'Keterangan isian',
  Key: 'Kunci',
  Path: 'Jalur',
  'Version tag': 'Tag versi',
  'Default value': 'Nilai bawaan',
  Disabled: 'Nonaktif',
  'Read only': 'Hanya baca',
  Required: 'Wajib diisi',
  'Minimum length': 'Panjang minimum',
  'Maximum length': 'Panjang maksimum',
  Maximum: 'Maksimum',
  'Validation pattern': 'Pola validasi',
  'Custom regular expression': 'Ekspresi reguler khusus',
  'Custom error message': 'Pesan galat khusus',
  Custom: 'Khusus',
  Phone: 'Telepon',
  'Hide if': 'Sembunyikan jika',
  Columns: 'Kolom',
  Column: 'Kolom',
  Auto: 'Otomatis',
  Text: 'Teks',
  Value: 'Nilai',
  Type: 'Tipe',
  Subtype: 'Subtipe',
  Prefix: 'Awalan',
  Suffix: 'Akhiran',
  'Decimal digits': 'Digit desimal',
  Increment: 'Kelipatan',
  'Output as string': 'Keluaran sebagai string',
  'Date label': 'Label tanggal',
  'Time label': 'Label waktu',
  'Time format': 'Format waktu',
  'Time interval': 'Interval waktu',
  'Use 24h': 'Format 24 jam',
  'Disallow past dates': 'Larang tanggal lampau',
  Searchable: 'Dapat dicari',
  Checked: 'Dicentang',
  'Not checked': 'Tidak dicentang',
  Submit: 'Kirim',
  Reset: 'Atur ulang',
  'Image source': 'Sumber gambar',
  'Alternative text': 'Teks alternatif',
  Height: 'Tinggi',
  'Vertical alignment': 'Perataan vertikal',
  Top: 'Atas',
  Center: 'Tengah',
  Bottom: 'Bawah',
  'Show outline': 'Tampilkan garis tepi',
  Repeatable: 'Dapat diulang',
  'Default number of items': 'Jumlah butir bawaan',
  'Allow add/delete items': 'Izinkan tambah/hapus butir',
  'Disable collapse': 'Nonaktifkan ciutkan',
  'Number of non-collapsing items': 'Jumlah butir yang tidak diciutkan',
  'Number of rows per page': 'Jumlah baris per halaman',
  'Compute on': 'Hitung saat',
  'Value changes': 'Nilai berubah',
  'Upload multiple files': 'Unggah beberapa berkas',
  'Supported file formats': 'Format berkas yang didukung',
  'Document reference': 'Rujukan dokumen',
  'List of items': 'Daftar butir',
  'Input values key': 'Kunci nilai masukan',
  'Target value': 'Nilai sasaran',
  'Learn more': 'Pelajari lebih lanjut',
  Form: 'Formulir',
  'Hide if': 'Sembunyikan jika',
  'Deactivate if': 'Nonaktifkan jika',
  'Condition under which the field is hidden': 'Kondisi yang membuat isian disembunyikan',
  'Condition under which the field is deactivated': 'Kondisi yang membuat isian dinonaktifkan',
  'Specify the source from which to populate the table': 'Pilih sumber isi tabel',
  'The document data source is required.': 'Sumber data dokumen wajib diisi.',
  'Expression or static value (link/data URI)': 'Ekspresi atau nilai tetap (tautan/URI data)',
  'A comma-separated list of': 'Daftar, dipisahkan koma, berisi',
  'file type specifiers': 'jenis berkas',
  'Supported file formats': 'Format berkas yang didukung',
  'Max height of preview container': 'Tinggi maksimum kotak pratinjau',
  'A number is required.': 'Harus diisi angka.',
  Title: 'Judul',
  Static: 'Tetap',
  'Input data': 'Data masukan',
  'Group label': 'Label grup',
  'Table label': 'Label tabel',
  'Date & Time': 'Tanggal & waktu',
  Date: 'Tanggal',
  Time: 'Waktu',
  Minimum: 'Minimum',
  'Supports markdown and templating.': 'Mendukung markdown dan templat.',
  'Supports HTML, styling, and templating. Styles are automatically scoped to the HTML component.': 'Mendukung HTML, gaya dan templat. Gaya hanya berlaku di komponen HTML ini.',
  'These options can incur security risks, especially if used in combination with dynamic links. Ensure that you are aware of them, that you trust the source url and only enable what your use case requires.': 'Pilihan ini dapat berisiko bagi keamanan, terutama dengan tautan dinamis. Nyalakan hanya yang benar-benar diperlukan dan hanya untuk sumber yang dipercaya.',
  'Script execution': 'Menjalankan skrip',
  'Allow same origin': 'Izinkan asal yang sama',
  'Open in fullscreen': 'Buka layar penuh',
  Geolocation: 'Lokasi',
  'Camera access': 'Akses kamera',
  'Microphone access': 'Akses mikrofon',
  'Forms submission': 'Pengiriman formulir',
  'Open modal windows': 'Buka jendela modal',
  'Open popups': 'Buka jendela pop-up',
  'Top level navigation': 'Navigasi halaman utama',
  'Storage access by user': 'Akses penyimpanan oleh pengguna',
  iFrame: 'Bingkai web',
  // Properties panel: tooltips and buttons (title attributes)
  'Toggle section': 'Buka/tutup bagian',
  'Section contains an error': 'Bagian ini berisi galat',
  'Section contains edits': 'Bagian ini berisi perubahan',
  'Create new list item': 'Tambah butir baru',
  Create: 'Tambah',
  'Delete item': 'Hapus butir',
  'Toggle list item': 'Buka/tutup butir',
  'Open documentation': 'Buka dokumentasi',
  'Open pop-up editor': 'Buka penyunting pop-up',
  'FEEL expression is mandatory': 'Ekspresi FEEL wajib',
  'Click to set a dynamic value with FEEL expression': 'Klik untuk memberi nilai dinamis dengan ekspresi FEEL',
  'Click to remove dynamic value with FEEL expression': 'Klik untuk menghapus nilai dinamis dengan ekspresi FEEL',
  'Unparsable FEEL expression.': 'Ekspresi FEEL tidak dapat diurai.',
  'Binds to a form variable': 'Terikat ke variabel formulir',
  'Descriptive text for screen reader accessibility.': 'Teks deskriptif untuk pembaca layar.',
  'Define an expression to calculate the value of this field': 'Tulis ekspresi untuk menghitung nilai isian ini',
  'Define an expression to populate the options from.': 'Tulis ekspresi untuk mengisi opsi.',
  'Define which input property to populate the values from': 'Pilih properti masukan sumber nilai',
  'Where the child variables of this component are pathed to.': 'Jalur tempat variabel anak komponen ini disimpan.',
  'Height of the container in pixels.': 'Tinggi wadah dalam piksel.',
  'Allows arbitrary precision values': 'Mengizinkan nilai dengan presisi bebas',
};

const ATTRIBUTES = ['title', 'placeholder', 'aria-label'];

// Texts built from a component's name, e.g. a palette entry's title "Create a Text field element".
const PATTERNS = [
  [/^Create an? (.+) element$/, (name) => `Buat elemen ${TEXTS[name] || name}`],
  [/^Remove (.+)$/, (name) => `Hapus ${TEXTS[name] || name}`],
  [/^List contains (\d+) items?$/, (n) => `Daftar berisi ${n} butir`],
];

// The library's own words inside a field's preview on the canvas (a file picker's "Browse", an empty group's hint, a
// table's demo rows); the field's label and description there are the author's and stay as written.
const CANVAS_TEXTS = {
  Browse: 'Pilih berkas',
  'No files selected': 'Belum ada berkas dipilih',
  'Html view is empty': 'Tampilan HTML kosong',
  'Expression is empty': 'Ekspresi kosong',
  Content: 'Isi',
  Repeatable: 'Dapat diulang',
  'Drag and drop components here.': 'Seret komponen ke sini.',
  Select: 'Pilih',
  Search: 'Cari',
  Increment: 'Tambah',
  Decrement: 'Kurangi',
  'Text view is templated': 'Teks memakai templat',
  'Text view is populated by an expression': 'Teks diisi oleh ekspresi',
  'Document preview': 'Pratinjau dokumen',
  'Nothing to show.': 'Tidak ada yang ditampilkan.',
};
const AUTHOR_TEXT = '.fjs-form-field-label, .fjs-form-field-description';

// Only a real change is written: writing a text or attribute back unchanged would wake the observer again, forever.
function translated(text) {
  if (TEXTS[text]) return TEXTS[text] === text ? null : TEXTS[text];
  for (const [pattern, render] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return render(...match.slice(1));
  }
  return null;
}

// What the user wrote: labels of fields on the canvas, inputs, and the selected field's own name in the panel header.
const USER_TEXT = '.fjs-form-field, .bio-properties-panel-header-label, input, textarea, [contenteditable], .cm-editor';

// The editor's own words inside a field on the canvas (not what the author wrote there).
const EDITOR_PLACEHOLDER = '.fjs-form-field-placeholder, .fjs-editor-placeholder';

function translateText(node) {
  const trimmed = node.data.trim();
  const parent = node.parentElement;
  if (trimmed && parent?.closest('.fjs-form-field') && (!parent.closest(AUTHOR_TEXT) || parent.closest('.fjs-filepicker-container')) && CANVAS_TEXTS[trimmed]) {
    node.data = node.data.replace(trimmed, CANVAS_TEXTS[trimmed]);
    return;
  }
  const indonesian = trimmed && translated(trimmed);
  if (!indonesian || parent?.closest(USER_TEXT) && !parent.closest(EDITOR_PLACEHOLDER)) return;
  const data = node.data.replace(trimmed, indonesian);
  if (data !== node.data) node.data = data;
}

function translateElement(element) {
  if (element.closest('.fjs-form-field')) {
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value && CANVAS_TEXTS[value]) element.setAttribute(name, CANVAS_TEXTS[value]);
    }
  }
  // Attributes elsewhere are the editor's (a FEEL field's aria-label is its entry's name); on the canvas they are the author's.
  if (element.closest('.fjs-form-field')) return;
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    const indonesian = value && translated(value);
    if (indonesian && indonesian !== value) element.setAttribute(name, indonesian);
  }
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) { translateText(root); return; }
  if (root.nodeType !== Node.ELEMENT_NODE) return;
  translateElement(root);
  for (const element of root.querySelectorAll('[title], [placeholder], [aria-label]')) translateElement(element);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) translateText(node);
}

/** Translates the editor inside `container` now and whenever it renders again; returns the function that stops it. */
export function translateFormEditor(container) {
  return observe(container, translateTree, translateText, translateElement);
}

function observe(container, tree, text, element) {
  tree(container);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') record.addedNodes.forEach(tree);
      else if (record.type === 'characterData') text(record.target);
      else if (record.type === 'attributes') element(record.target);
    }
  });
  observer.observe(container, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
  return () => observer.disconnect();
}

// What a new field gets when dropped from the palette: form-js fills in English labels ("Text field", "Radio group", an
// option "Value", a text "# Text"), which an author may leave and which then reach a real form. form-js has no hook for
// these defaults, so the editor's field factory is wrapped: only fields created new, only texts equal to a default.
const NEW_FIELD_TEXTS = {
  ...Object.fromEntries(['Text field', 'Text area', 'Number', 'Date time', 'Checkbox', 'Checkbox group', 'Radio group', 'Select',
    'Tag list', 'Image view', 'Table', 'Group', 'Dynamic list', 'Button', 'File picker', 'Document preview'].map((k) => [k, TEXTS[k]])),
  Value: 'Nilai', iFrame: 'Bingkai web', 'Column 1': 'Kolom 1', 'Column 2': 'Kolom 2', 'Column 3': 'Kolom 3', ID: 'ID', Name: 'Nama', Date: 'Tanggal',
  Time: 'Waktu', Submit: 'Kirim', Reset: 'Atur ulang',
};

function indonesianDefaults(value, key) {
  if (typeof value === 'string') {
    if (key === 'text' && value === '# Text') return '# Teks';
    if (['label', 'dateLabel', 'timeLabel', 'text'].includes(key)) return NEW_FIELD_TEXTS[value] || value;
    if (key === 'value' && value === 'value') return 'nilai';
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => indonesianDefaults(item, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ['components'].includes(k) ? v : indonesianDefaults(v, k)]));
  }
  return value;
}

/** Gives fields created from the palette Indonesian default labels. */
export function translateNewFields(editor) {
  const fieldFactory = editor.get('fieldFactory');
  const create = fieldFactory.create.bind(fieldFactory);
  fieldFactory.create = (attrs, isNewField = true) => {
    const field = create(attrs, isNewField);
    if (!isNewField) return field;
    for (const [key, value] of Object.entries(field)) {
      if (key !== 'id' && key !== 'key' && key !== 'type' && key !== 'components') field[key] = indonesianDefaults(value, key);
    }
    return field;
  };
}

// The form-js viewer (a task's form in the inbox): its validation messages and the few texts of its own controls.
// Only these places are translated; labels, descriptions and values are the form author's and the user's.
const VIEWER_TEXTS = {
  'Field is required.': 'Wajib diisi.',
  'Field must be a valid email.': 'Harus alamat email yang sah.',
  'Field must be a valid  international phone number. (e.g. +4930664040900)': 'Harus nomor telepon internasional yang sah (mis. +6281234567890).',
  'Value is not a number.': 'Nilai bukan angka.',
  'Date and time must both be entered.': 'Tanggal dan jam harus diisi keduanya.',
  'Nothing to show.': 'Tidak ada yang ditampilkan.',
  Select: 'Pilih',
  Search: 'Cari',
  'Remove tag': 'Hapus tag',
  Browse: 'Pilih berkas',
  'No files selected': 'Belum ada berkas dipilih',
};

const VIEWER_PATTERNS = [
  [/^Field must have minimum length of (.+)\.$/, (n) => `Paling sedikit ${n} karakter.`],
  [/^Field must have maximum length of (.+)\.$/, (n) => `Paling banyak ${n} karakter.`],
  [/^Field must have minimum value of (.+)\.$/, (n) => `Paling kecil ${n}.`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `Paling besar ${n}.`],
  [/^Field must match pattern (.+)\.$/, (p) => `Harus sesuai pola ${p}.`],
  [/^Remove list item (\d+)$/, (n) => `Hapus butir ${n}`],
  [/^(\d+) files selected$/, (n) => `${n} berkas dipilih`],
];

const VIEWER_PLACES = '.fjs-form-field-error, .fjs-select-placeholder, .fjs-form-field-placeholder, .fjs-filepicker-button, .fjs-filepicker-container > .fjs-form-field-label';

function viewerTranslated(text) {
  if (VIEWER_TEXTS[text]) return VIEWER_TEXTS[text];
  for (const [pattern, render] of VIEWER_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return render(...match.slice(1));
  }
  return null;
}

function viewerText(node) {
  const trimmed = node.data.trim();
  if (!trimmed || !node.parentElement?.closest(VIEWER_PLACES)) return;
  const indonesian = viewerTranslated(trimmed);
  if (indonesian && indonesian !== trimmed) node.data = node.data.replace(trimmed, indonesian);
}

function viewerElement(element) {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    const indonesian = value && viewerTranslated(value);
    if (indonesian && indonesian !== value) element.setAttribute(name, indonesian);
  }
}

function viewerTree(root) {
  if (root.nodeType === Node.TEXT_NODE) { viewerText(root); return; }
  if (root.nodeType !== Node.ELEMENT_NODE) return;
  viewerElement(root);
  for (const element of root.querySelectorAll('[title], [placeholder], [aria-label]')) viewerElement(element);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) viewerText(node);
}

/** Translates a form-js viewer's own texts (validation messages, control placeholders) inside `container`; returns the stop function. */
export function translateFormViewer(container) {
  return observe(container, viewerTree, viewerText, viewerElement);
}
