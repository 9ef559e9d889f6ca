// "+ Keputusan baru": asks a name and a key, keeps the starter file for the editor page (not deployed yet).
import { starterDmn } from './starter.js';

/** Returns the new decision's key, or null when the user gave up. */
export function askNewDecision() {
  const name = prompt('Nama keputusan baru (mis. Rekomendasi perpanjangan):');
  if (!name) return null;
  const suggested = name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'keputusan';
  const key = prompt('Kunci keputusan (id, tanpa spasi):', suggested);
  if (!key) return null;
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) {
    alert('Kunci keputusan harus diawali huruf dan tanpa spasi.');
    return null;
  }
  sessionStorage.setItem(`pppk.dmn.new.${key}`, starterDmn(key, name));
  return key;
}
