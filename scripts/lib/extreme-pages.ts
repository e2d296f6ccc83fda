// Pages at the edges, shared by the robustness tests and the benchmark: the reader must return
// "not a program page" or unknowns on each, never throw, never hang.

export interface ExtremePage { name: string; url: string; html: string }

/** Deterministic pseudo-random bytes (xorshift), so failures reproduce. */
function randomBytes(n: number, seed = 0x9e3779b9): string {
  let x = seed >>> 0;
  let s = '';
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    s += String.fromCharCode(x & 0xff);
  }
  return s;
}

export function extremePages(): ExtremePage[] {
  const url = 'https://www.example-hospital.org/gme/internal-medicine/faq';
  const faq = '<h3>Do you sponsor H-1B visas?</h3><p>No. We sponsor J-1 visas only. Step 2 CK of 220 or higher on the first attempt.</p>';
  const bigPara = `<p>${'Residents rotate through inpatient wards, clinics and the intensive care unit. '.repeat(40)}</p>`;
  let big = '';
  while (big.length < 10 * 1024 * 1024) big += bigPara + faq;
  const deep = 10_000;
  return [
    { name: 'empty document', url, html: '' },
    { name: 'random bytes', url, html: randomBytes(64 * 1024) },
    { name: '10 MB program FAQ', url, html: `<html><head><title>FAQ | Internal Medicine Residency</title></head><body><h1>Internal Medicine Residency FAQ</h1>${big}</body></html>` },
    { name: '10,000-deep nesting', url, html: `<html><head><title>Residency FAQ</title></head><body>${'<div>'.repeat(deep)}<p>We sponsor J-1 visas.</p>${'</div>'.repeat(deep)}</body></html>` },
    { name: '100,000 nodes', url, html: `<html><head><title>Residency program</title></head><body>${'<span>Residency</span>'.repeat(100_000)}</body></html>` },
  ];
}
