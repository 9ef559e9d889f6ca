// Placeholder: the PPPK screens (formations, applicants, contracts) come with the domain issue.
export default function render(container) {
  container.innerHTML = `
    <section class="page" data-testid="pppk-placeholder">
      <h1>Formasi &amp; kontrak</h1>
      <p class="notice">Segera hadir: layar formasi, pelamar, dan kontrak PPPK dibangun bersama modul domain PPPK.
      Data domain belum tersedia di sistem ini.</p>
    </section>`;
}
