// web: core-libc — what src/platform/web/no_scanf.cpp assumes holds: the web core's sscanf reads
// nothing (musl's scanf engine is left out of the wasm), so nothing the core runs may need it.
// Its only callers are Dear ImGui's .ini readers (the host keeps no settings file) and ImGui
// widgets that type a number as text (InputFloat, DragInt, SliderFloat with Ctrl+click, …), which
// versus does not use. This test fails, naming the file and line, when versus code starts calling
// scanf or one of those widgets, or stops switching ImGui's settings file off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SOURCE = process.env.VERSUS_SOURCE_DIR || join(import.meta.dirname, '../..');

function sources(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(cpp|hpp|h)$/.test(name)) out.push(path);
  }
  return out;
}

// Lines of the web core's own sources (everything under src/ the web target links: not the
// desktop glue, not the vote service) that match `pattern`, comments left out.
function hits(pattern) {
  const found = [];
  for (const file of sources(join(SOURCE, 'src'))) {
    const rel = relative(SOURCE, file);
    if (rel.startsWith('src/platform/desktop/') || rel.startsWith('src/service/') ||
        rel.startsWith('src/text/native/') || rel === 'src/platform/web/no_scanf.cpp') continue;
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '');
      if (pattern.test(code)) found.push(`${rel}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

test('no code of the web core calls the scanf family', () => {
  assert.deepEqual(hits(/\b(v?s?f?scanf|vsscanf)\s*\(/), []);
});

test('no ImGui widget that reads a typed number (its text goes through sscanf)', () => {
  assert.deepEqual(hits(/ImGui::(Input|Drag|Slider|TempInput)\w*\s*\(/), []);
});

test('ImGui keeps no settings file, so its .ini readers never run', () => {
  const host = readFileSync(join(SOURCE, 'src/ui/host.cpp'), 'utf8');
  assert.match(host, /io\.IniFilename\s*=\s*nullptr/);
  assert.deepEqual(hits(/LoadIniSettingsFrom/), []);
});
