// intl.test.mjs — the presentation layer's number formats and plural rules (src/present/locale.cpp,
// the code both the desktop and the WebAssembly core run) against Node's Intl (full ICU), for every
// shipped language: integers up to 2^64, every percentage 0–100, amounts with 0 and 2 decimals,
// plural categories of 0..200 and of thousands and millions.
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';

const tool = process.env.VERSUS_LOCALE_DUMP;
assert.ok(tool, 'VERSUS_LOCALE_DUMP (the locale_dump tool) is not set: run this test through CTest');
const dump = JSON.parse(execFileSync(tool, { encoding: 'utf8' }));
const show = (s) => JSON.stringify(s).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const shipped = Object.keys(dump.locales);
assert.equal(shipped.length, 20, `20 shipped languages, got ${shipped.join(' ')}`);
let failures = 0;
let checked = 0;
const expect = (lang, what, got, want) => {
  checked++;
  if (got !== want) {
    failures++;
    if (failures <= 40) console.log(`FAIL ${lang} ${what}: C++ ${show(got)}, Intl ${show(want)}`);
  }
};
for (const lang of shipped) {
  const d = dump.locales[lang];
  const nf = new Intl.NumberFormat(lang);
  dump.integers.forEach((n, i) => expect(lang, `integer ${n}`, d.integers[i], nf.format(BigInt(n))));
  const pf = new Intl.NumberFormat(lang, { style: 'percent' });
  d.percents.forEach((s, p) => expect(lang, `percent ${p}`, s, pf.format(p / 100)));
  const f0 = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const f2 = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  dump.amounts.forEach((a, i) => {
    expect(lang, `amount ${a} (0 decimals)`, d.amounts0[i], f0.format(a));
    expect(lang, `amount ${a} (2 decimals)`, d.amounts2[i], f2.format(a));
  });
  const pr = new Intl.PluralRules(lang);
  for (const [n, category] of Object.entries(d.plurals)) expect(lang, `plural of ${n}`, category, pr.select(Number(n)));
  const rtl = ['ar', 'fa', 'he'].includes(lang);
  expect(lang, 'direction', d.rtl, rtl);
}
console.log(`${checked} outputs of ${shipped.length} languages compared with Intl (ICU ${process.versions.icu}, CLDR ${process.versions.cldr}): ${failures} differ`);
process.exit(failures ? 1 : 0);
