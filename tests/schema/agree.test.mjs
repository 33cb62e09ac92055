// agree.test.mjs — the JSON Schema and the C++ validator agree on every payload of the corpus.
//
// Why this file exists: publishers check their payloads with whatever they have — an editor
// that reads assets/schema/versus.schema.json, or `versus --validate`. Both must give the same
// answer, and both must say what the spec (payload-v1.md) says. This script holds them to the
// corpus in tests/payloads (valid/ and invalid/, described by manifest.json):
//   - the schema is valid draft 2020-12 (ajv strict mode) and its limits are the spec's;
//   - every corpus file: ajv's verdict is the manifest's `expect` (for "cannot-express" rules,
//     ajv accepts and only the C++ side rejects), and ajv's errors are at the manifest pointer;
//   - every corpus file: `versus --validate FILE` exits 0 (valid) or 1 (invalid), its errors
//     are exactly at the manifest pointer (and `also_errors`), its warnings exactly `warnings`;
//   - the manifest and the files on disk list the same files;
//   - the payloads too big to commit (1 MiB) are generated here, in a temporary folder;
//   - the default payload(s) in assets/payloads are valid under both;
//   - the dist copy of the schema, when built, is byte-identical to assets/schema's.
// Run by CTest in tests/schema with VERSUS_BIN and VERSUS_SOURCE_DIR set; standalone:
//   VERSUS_BIN=build/native/versus node tests/schema/agree.test.mjs
// Exit status 0 when every check passes, 1 otherwise. Last line: "N passed, M failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Ajv2020 from "ajv/dist/2020.js";

// [SECTION] Places ------------------------------------------------------------------------------

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.env.VERSUS_SOURCE_DIR || path.join(here, "..", ".."));
const schemaPath = path.join(root, "assets", "schema", "versus.schema.json");
const corpusDir = path.join(root, "tests", "payloads");
const seedDir = path.join(root, "assets", "payloads");
const distDir = process.env.VERSUS_WEB_DIST || path.join(root, "build", "web", "dist");
const versusBin = process.env.VERSUS_BIN || path.join(root, "build", "native", "versus");

const MiB = 1024 * 1024;

// [SECTION] Checks and their report -------------------------------------------------------------

let passed = 0;
let failed = 0;

// Runs one named check: `fn` returns a list of problems (empty: pass) or throws.
function check(name, fn) {
  let problems;
  try {
    problems = fn() ?? [];
  } catch (e) {
    problems = [`threw: ${e.stack || e}`];
  }
  if (problems.length === 0) {
    passed++;
    return;
  }
  failed++;
  console.log(`FAIL ${name}`);
  for (const p of problems) console.log(`     ${p}`);
}

function note(text) {
  console.log(`note: ${text}`);
}

// [SECTION] The two validators ------------------------------------------------------------------

const schemaBytes = fs.readFileSync(schemaPath);
const schema = JSON.parse(schemaBytes.toString("utf8"));
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
let validate = null;

// ajv's side: a strict UTF-8 decode (a BOM is dropped, as the validator does), JSON.parse, the
// schema. Returns { parsed, valid, errors }.
function ajvVerdict(bytes) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);   // drops a UTF-8 BOM
  } catch {
    return { parsed: false, valid: false, errors: [], why: "not UTF-8" };
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { parsed: false, valid: false, errors: [], why: e.message };
  }
  const valid = validate(data);
  return { parsed: true, valid, errors: valid ? [] : validate.errors };
}

// The C++ side: `versus --validate FILE`. Returns { status, errors, warnings, lines, stderr },
// where errors and warnings are { pointer, message, positioned } read from the output lines
// "FILE:LINE:COL: error|warning: POINTER: message" (":LINE:COL" and "POINTER: " may be absent).
function versusVerdict(file) {
  const run = spawnSync(versusBin, ["--validate", file], { encoding: "utf8", timeout: 60000 });
  if (run.error) throw new Error(`cannot run ${versusBin}: ${run.error.message}`);
  const out = { status: run.status, errors: [], warnings: [], lines: [], stderr: run.stderr };
  for (const line of run.stdout.split("\n")) {
    if (line === "") continue;
    out.lines.push(line);
    if (!line.startsWith(file)) continue;
    const m = /^(?::(\d+)(?::(\d+))?)?: (error|warning): (.*)$/.exec(line.slice(file.length));
    if (!m) continue;
    let pointer = "";
    let message = m[4];
    if (message.startsWith("/")) {
      const cut = message.indexOf(": ");
      pointer = cut < 0 ? message : message.slice(0, cut);
      message = cut < 0 ? "" : message.slice(cut + 2);
    }
    const item = { pointer, message, positioned: m[1] !== undefined };
    (m[3] === "error" ? out.errors : out.warnings).push(item);
  }
  return out;
}

const show = (list) => JSON.stringify([...new Set(list)].sort());
const sameSet = (a, b) => show(a) === show(b);

// [SECTION] One payload under both validators -------------------------------------------------

// `entry` is a manifest entry (expect, rule, schema, pointer, ajv_pointer, also_errors,
// message_contains, warnings, position). Returns the problems found.
function checkPayload(file, entry) {
  if (!fs.existsSync(file)) return [`${file} does not exist`];
  const problems = [];
  const bytes = fs.readFileSync(file);

  // (a) ajv
  const a = ajvVerdict(bytes);
  const ajvSays = a.valid ? "valid" : "invalid";
  const ajvShould = entry.schema === "cannot-express" ? "valid" : entry.expect;
  if (ajvSays !== ajvShould) {
    const why = a.parsed ? ajv.errorsText(a.errors, { separator: "; " }) : a.why;
    problems.push(`ajv says ${ajvSays}, expected ${ajvShould}` +
                  (entry.schema === "cannot-express" ? " (a rule JSON Schema cannot express)" : "") +
                  (ajvSays === "invalid" ? `: ${why}` : ""));
  } else if (ajvSays === "invalid" && a.parsed) {
    // ajv must fail for the manifest's reason, not another: its errors are at the pointer
    // (a missing field is at the object that lacks it, as in the C++ validator).
    const pointer = entry.ajv_pointer ?? entry.pointer;
    const allowed = [pointer, ...(entry.also_errors ?? [])];
    const places = a.errors.map((e) => e.instancePath);
    if (!places.includes(pointer)) {
      problems.push(`ajv reports no error at "${pointer}"; its errors are at ${show(places)}`);
    }
    const stray = a.errors.filter((e) => !allowed.includes(e.instancePath));
    if (stray.length) {
      problems.push(`ajv has errors outside ${show(allowed)} (the file should break one rule): ` +
                    ajv.errorsText(stray, { separator: "; " }));
    }
  }

  // (b), (c) the C++ validator
  const v = versusVerdict(file);
  const wantStatus = entry.expect === "valid" ? 0 : 1;
  const context = () => `versus output:\n       ${v.lines.join("\n       ") || "(nothing)"}` +
                        (v.stderr ? `\n       stderr: ${v.stderr.trim()}` : "");
  if (v.status !== wantStatus) {
    problems.push(`versus --validate exits ${v.status}, expected ${wantStatus} (${entry.expect}); ${context()}`);
  }
  if (entry.expect === "valid") {
    if (v.errors.length) problems.push(`versus reports errors on a valid payload; ${context()}`);
    if (!sameSet(v.warnings.map((w) => w.pointer), entry.warnings ?? [])) {
      problems.push(`versus warns at ${show(v.warnings.map((w) => w.pointer))}, ` +
                    `expected ${show(entry.warnings ?? [])}; ${context()}`);
    }
  } else {
    const expected = [entry.pointer, ...(entry.also_errors ?? [])];
    const places = v.errors.map((e) => e.pointer);
    if (!places.includes(entry.pointer)) {
      problems.push(`versus reports no error at "${entry.pointer}"` +
                    (entry.pointer === "" ? " (an error of the whole document)" : "") + `; ${context()}`);
    } else if (!sameSet(places, expected)) {
      problems.push(`versus reports errors at ${show(places)}, expected exactly ${show(expected)}; ${context()}`);
    }
    const main = v.errors.filter((e) => e.pointer === entry.pointer);
    if (entry.message_contains && main.length &&
        !main.some((e) => e.message.includes(entry.message_contains))) {
      problems.push(`versus's error at "${entry.pointer}" does not mention "${entry.message_contains}"; ${context()}`);
    }
    if (entry.position !== false && main.length && !main.every((e) => e.positioned)) {
      problems.push(`versus's error at "${entry.pointer}" has no LINE:COL; ${context()}`);
    }
  }
  return problems;
}

// [SECTION] The schema itself -------------------------------------------------------------------

check("the schema compiles as JSON Schema draft 2020-12 in ajv strict mode", () => {
  validate = ajv.compile(schema);
  const problems = [];
  if (schema.$schema !== "https://json-schema.org/draft/2020-12/schema") {
    problems.push(`$schema is ${schema.$schema}`);
  }
  if (!/^https?:\/\/[^/]+\/.*versus\.schema\.json$/.test(schema.$id ?? "")) {
    problems.push(`$id is ${schema.$id}`);
  }
  return problems;
});
if (!validate) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}

// Resolves a JSON Pointer in the schema.
function at(pointer) {
  return pointer.split("/").slice(1).reduce(
    (node, t) => (node === undefined ? undefined : node[t.replace(/~1/g, "/").replace(/~0/g, "~")]),
    schema);
}

check("the schema's limits and required fields are the spec's (payload-v1.md)", () => {
  // [schema location, keyword, value], restated from the spec's tables.
  const P = "/properties";
  const D = "/$defs";
  const rules = [
    [`${P}/version`, "const", 1],
    [`${P}/title`, "minLength", 1], [`${P}/title`, "maxLength", 200],
    [`${P}/kicker`, "maxLength", 80],
    [`${P}/question`, "maxLength", 200],
    [`${P}/summary`, "maxLength", 1000],
    [`${P}/tools`, "minItems", 1], [`${P}/tools`, "maxItems", 16],
    [`${P}/reviewers`, "maxItems", 64],
    [`${P}/reviews`, "maxItems", 1024],
    [`${P}/$schema`, "type", "string"],
    [`${D}/Id`, "pattern", "^[a-z0-9][a-z0-9-]{0,63}$"],
    [`${D}/Tool${P}/name`, "minLength", 1], [`${D}/Tool${P}/name`, "maxLength", 120],
    [`${D}/Tool${P}/vendor`, "maxLength", 120],
    [`${D}/Tool${P}/category`, "maxLength", 60],
    [`${D}/Tool${P}/tagline`, "maxLength", 200],
    [`${D}/Tool${P}/description`, "maxLength", 4000],
    [`${D}/License${P}/name`, "minLength", 1], [`${D}/License${P}/name`, "maxLength", 120],
    [`${D}/License${P}/spdx`, "type", ["string", "null"]],
    [`${D}/License${P}/commercial_use`, "type", "boolean"],
    [`${D}/License${P}/open_weights`, "type", "boolean"],
    [`${D}/License${P}/osi_approved`, "type", "boolean"],
    [`${D}/Pricing${P}/entry`, "minLength", 1], [`${D}/Pricing${P}/entry`, "maxLength", 60],
    [`${D}/Pricing${P}/entry_usd_month`, "type", ["number", "null"]],
    [`${D}/Pricing${P}/entry_usd_month`, "minimum", 0],
    [`${D}/Pricing${P}/notes`, "maxLength", 500],
    [`${D}/Votes${P}/ship`, "type", "integer"], [`${D}/Votes${P}/ship`, "minimum", 0],
    [`${D}/Votes${P}/skip`, "type", "integer"], [`${D}/Votes${P}/skip`, "minimum", 0],
    // Not in the spec: the validator keeps votes in 64 bits and rejects more.
    [`${D}/Votes${P}/ship`, "maximum", 9223372036854775807],
    [`${D}/Votes${P}/skip`, "maximum", 9223372036854775807],
    [`${D}/Reviewer${P}/name`, "minLength", 1], [`${D}/Reviewer${P}/name`, "maxLength", 80],
    [`${D}/Reviewer${P}/lens`, "maxLength", 80],
    [`${D}/Review${P}/verdict`, "enum", ["ship", "skip"]],
    [`${D}/Review${P}/quote`, "minLength", 1], [`${D}/Review${P}/quote`, "maxLength", 4000],
    [`${D}/Link${P}/label`, "minLength", 1], [`${D}/Link${P}/label`, "maxLength", 120],
    ["", "required", ["version", "title", "tools"]],
    [`${D}/Tool`, "required", ["id", "name", "license"]],
    [`${D}/License`, "required", ["name", "commercial_use"]],
    [`${D}/Pricing`, "required", ["entry"]],
    [`${D}/Votes`, "required", ["ship", "skip"]],
    [`${D}/Reviewer`, "required", ["id", "name"]],
    [`${D}/Review`, "required", ["tool", "reviewer", "verdict", "quote"]],
    [`${D}/Link`, "required", ["label", "url"]],
  ];
  const problems = [];
  for (const [where, keyword, value] of rules) {
    const node = at(where);
    const got = node?.[keyword];
    if (JSON.stringify(got) !== JSON.stringify(value)) {
      problems.push(`${where || "(root)"} ${keyword} is ${JSON.stringify(got)}, the spec says ${JSON.stringify(value)}`);
    }
  }
  // Ids and URLs are checked through the shared definitions.
  for (const where of [`${D}/Tool${P}/id`, `${D}/Reviewer${P}/id`, `${D}/Review${P}/tool`,
                       `${D}/Review${P}/reviewer`]) {
    if (at(where)?.$ref !== "#/$defs/Id") problems.push(`${where} does not use #/$defs/Id`);
  }
  for (const where of [`${D}/Tool${P}/url`, `${D}/Link${P}/url`]) {
    if (at(where)?.$ref !== "#/$defs/HttpUrl") problems.push(`${where} does not use #/$defs/HttpUrl`);
  }
  if (at(`${P}/cta`)?.$ref !== "#/$defs/Link") problems.push("cta does not use #/$defs/Link");
  return problems;
});

check("the schema forbids no unknown field (they are warnings) and documents every property", () => {
  const problems = [];
  const walk = (node, where) => {
    if (node === null || typeof node !== "object") return;
    if ("additionalProperties" in node || "unevaluatedProperties" in node) {
      problems.push(`${where} restricts unknown fields, which the spec makes warnings, not errors`);
    }
    for (const [name, sub] of Object.entries(node.properties ?? {})) {
      if (!sub.title || !sub.description) problems.push(`${where}/properties/${name} lacks a title or description`);
    }
    for (const [key, sub] of Object.entries(node)) walk(sub, `${where}/${key}`);
  };
  walk(schema, "");
  for (const rule of ["used twice", "pair", "1 MiB", "64 deep", "given twice", "warning"]) {
    if (!schema.$comment.includes(rule)) problems.push(`the top-level $comment does not mention "${rule}"`);
  }
  return problems;
});

// [SECTION] The corpus --------------------------------------------------------------------------

const manifest = JSON.parse(fs.readFileSync(path.join(corpusDir, "manifest.json"), "utf8"));
const entries = manifest.files;

check("manifest entries are well-formed", () => {
  const problems = [];
  const seen = new Set();
  for (const e of entries) {
    const where = e.file ?? JSON.stringify(e);
    if (seen.has(e.file)) problems.push(`${where}: listed twice`);
    seen.add(e.file);
    if (!["valid", "invalid"].includes(e.expect)) problems.push(`${where}: expect is ${e.expect}`);
    if (!["agrees", "cannot-express"].includes(e.schema)) problems.push(`${where}: schema is ${e.schema}`);
    if (typeof e.rule !== "string" || !e.rule) problems.push(`${where}: no rule`);
    if (e.expect === "valid" && (e.schema !== "agrees" || "pointer" in e)) {
      problems.push(`${where}: a valid payload has schema "agrees" and no pointer`);
    }
    if (e.expect === "invalid" && (typeof e.pointer !== "string" || !/^(\/.*)?$/.test(e.pointer))) {
      problems.push(`${where}: pointer ${JSON.stringify(e.pointer)} is not a JSON Pointer`);
    }
    if (!e.generated && !e.file.startsWith(`${e.expect}/`)) {
      problems.push(`${where}: an ${e.expect} payload belongs in ${e.expect}/`);
    }
  }
  return problems;
});

check("every corpus file is in the manifest and every manifest file exists", () => {
  const onDisk = [];
  for (const dir of ["valid", "invalid"]) {
    for (const name of fs.readdirSync(path.join(corpusDir, dir))) onDisk.push(`${dir}/${name}`);
  }
  const listed = entries.filter((e) => !e.generated).map((e) => e.file);
  const problems = [];
  for (const f of onDisk) if (!listed.includes(f)) problems.push(`${f} is not in manifest.json`);
  for (const f of listed) if (!onDisk.includes(f)) problems.push(`${f} is in manifest.json but not on disk`);
  return problems;
});

if (!fs.existsSync(versusBin)) {
  check("the versus binary exists", () => [
    `${versusBin} not found: build it (cmake --build --preset native --target versus) or set VERSUS_BIN`]);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}

for (const e of entries.filter((e) => !e.generated)) {
  check(`${e.file} (${e.expect}: ${e.rule})`, () => checkPayload(path.join(corpusDir, e.file), e));
}

// [SECTION] Payloads generated here (too big to commit) -----------------------------------------

// A valid payload of exactly `bytes` bytes (when `bytes` is more than 1 MiB, valid but for its
// size): the 16-tool, 64-reviewer, 1024-review payload with longer quotes, then spaces.
function padToBytes(bytes) {
  const base = JSON.parse(fs.readFileSync(
    path.join(corpusDir, "valid", "max-counts-16-tools-64-reviewers-1024-reviews.json"), "utf8"));
  let deficit = bytes - Buffer.byteLength(JSON.stringify(base, null, 1)) - 1;
  for (const review of base.reviews) {
    const add = Math.max(0, Math.min(deficit, 4000 - review.quote.length));
    review.quote += "x".repeat(add);
    deficit -= add;
  }
  const text = JSON.stringify(base, null, 1) + "\n" + " ".repeat(Math.max(0, deficit));
  if (Buffer.byteLength(text) !== bytes) throw new Error(`generated ${Buffer.byteLength(text)} bytes, not ${bytes}`);
  return text;
}

const generators = { "pad-to-bytes": (e) => padToBytes(e.bytes) };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "versus-schema-"));
try {
  for (const e of entries.filter((e) => e.generated)) {
    check(`${e.file} (generated; ${e.expect}: ${e.rule})`, () => {
      const make = generators[e.generated];
      if (!make) return [`no generator "${e.generated}"`];
      const file = path.join(tmp, path.basename(e.file));
      fs.writeFileSync(file, make(e));
      return checkPayload(file, e);
    });
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

// [SECTION] The default payload and the dist copy ---------------------------------------------

const seeds = fs.existsSync(seedDir) ? fs.readdirSync(seedDir).filter((n) => n.endsWith(".json")) : [];
check("assets/payloads holds the default payload", () =>
  seeds.length ? [] : [`no .json file in ${seedDir}`]);
for (const name of seeds) {
  check(`assets/payloads/${name} (the default payload) is valid under both`, () => {
    const file = path.join(seedDir, name);
    const problems = [];
    const a = ajvVerdict(fs.readFileSync(file));
    if (!a.valid) problems.push(`ajv: ${a.parsed ? ajv.errorsText(a.errors, { separator: "; " }) : a.why}`);
    const v = versusVerdict(file);
    if (v.status !== 0 || v.errors.length) {
      problems.push(`versus --validate exits ${v.status}:\n       ${v.lines.join("\n       ")}`);
    }
    for (const w of v.warnings) note(`assets/payloads/${name}: warning at ${w.pointer}: ${w.message}`);
    return problems;
  });
}

const distSchema = path.join(distDir, "versus.schema.json");
if (fs.existsSync(distSchema)) {
  check("dist/versus.schema.json is byte-identical to assets/schema/versus.schema.json", () =>
    fs.readFileSync(distSchema).equals(schemaBytes) ? [] : [`${distSchema} differs from ${schemaPath}`]);
} else {
  note(`${distSchema} is not built; the dist copy was not compared (not a failure)`);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
