// problems.js — the validator's problem lines (`versus --validate`'s, from the wasm core) as
// positions in the editor's text. Pure.
//   payload.json:12:27: error: /tools/1/license/commercial_use: expected a boolean, got the string "no"

// { line, column, severity, message, text } of one line; line/column null when it names none.
export function parseProblem(text) {
  const m = /^.*?:(\d+):(\d+): (error|warning): (.*)$/s.exec(text);
  if (m) return { line: Number(m[1]), column: Number(m[2]), severity: m[3], message: m[4], text };
  const s = /^[^:]*: (error|warning): (.*)$/s.exec(text);
  return { line: null, column: null, severity: s ? s[1] : 'error', message: s ? s[2] : text, text };
}

// Offset in `doc` (a string) of 1-based line and column (columns count code points, as the
// validator does: "é" or "—" is one column, a tab is one), clamped to the line.
export function offsetOf(doc, line, column) {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = doc.indexOf('\n', at);
    if (nl < 0) return doc.length;
    at = nl + 1;
  }
  const end = doc.indexOf('\n', at) < 0 ? doc.length : doc.indexOf('\n', at);
  let i = at;
  for (let c = 1; c < column && i < end; c++) i += doc.codePointAt(i) > 0xffff ? 2 : 1;
  return i;
}
