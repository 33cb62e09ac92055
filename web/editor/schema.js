// schema.js — help from the payload's JSON Schema (assets/schema/versus.schema.json, served as
// dist/versus.schema.json): what a property means, which properties an object takes, which
// values a field allows. Pure: the editor (main.js) finds the path at the cursor, this answers.

// The schema node at `path` (property names and array indexes from the root), following $ref,
// or null.
export function schemaAt(schema, path) {
  const deref = (node) => {
    let n = node;
    for (let i = 0; n && n.$ref && i < 8; i++) {
      const parts = n.$ref.replace(/^#\//, '').split('/');
      let target = schema;
      for (const p of parts) target = target?.[p];
      n = target ? { ...target, ...Object.fromEntries(Object.entries(n).filter(([k]) => k !== '$ref')) } : null;
    }
    return n;
  };
  let node = deref(schema);
  for (const step of path) {
    if (!node) return null;
    if (typeof step === 'number') node = deref(node.items);
    else node = deref(node.properties?.[step]);
  }
  return node ?? null;
}

const typeText = (node) => {
  if (node.enum) return node.enum.map((v) => JSON.stringify(v)).join(' | ');
  const t = Array.isArray(node.type) ? node.type.join(' | ') : node.type;
  return t || (node.pattern ? 'string' : '');
};

// Help for the property `name` of the object at `path`: { name, title, type, required, text }.
export function propertyHelp(schema, path, name) {
  const parent = schemaAt(schema, path);
  const node = schemaAt(schema, [...path, name]);
  if (!parent || !node) return null;
  const required = (parent.required || []).includes(name);
  const limits = [node.maxLength && `at most ${node.maxLength} characters`, node.minItems !== undefined && node.maxItems && `${node.minItems}–${node.maxItems} items`,
    node.pattern && `pattern ${node.pattern}`].filter(Boolean).join('; ');
  return {
    name, title: node.title || name, type: typeText(node), required,
    text: [node.description || '', limits].filter(Boolean).join(' '),
  };
}

// Completions for a property name inside the object at `path`, without those already there:
// [{ label, detail, info, required }], required ones first.
export function propertyCompletions(schema, path, present = []) {
  const node = schemaAt(schema, path);
  if (!node || !node.properties) return [];
  return Object.keys(node.properties).filter((k) => !present.includes(k) && k !== '$schema')
    .map((k) => {
      const help = propertyHelp(schema, path, k);
      return { label: k, detail: `${help.type}${help.required ? ' · required' : ''}`, info: help.text, required: help.required };
    })
    .sort((a, b) => Number(b.required) - Number(a.required));
}

// Completions for the value at `path`: its enum, booleans, or null: [{ label, detail }].
export function valueCompletions(schema, path) {
  const node = schemaAt(schema, path);
  if (!node) return [];
  const types = Array.isArray(node.type) ? node.type : [node.type];
  const out = [];
  if (node.enum) for (const v of node.enum) out.push({ label: JSON.stringify(v), detail: node.title || '' });
  if (types.includes('boolean')) out.push({ label: 'true', detail: 'boolean' }, { label: 'false', detail: 'boolean' });
  if (types.includes('null')) out.push({ label: 'null', detail: 'null' });
  return out;
}
