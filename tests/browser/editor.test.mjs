// editor.test.mjs — the publisher's editor (dist/editor.html) under its strict CSP, as a publisher
// uses it with the keyboard: a mistake typed into the JSON is marked at its line with the
// validator's message and listed (a click goes there) while the preview keeps the last valid
// version; fixing it, the preview follows; a spreadsheet table (3 tools, reviews) becomes a valid
// payload shown in the preview, and a bad one is answered by row and column; the embed snippet
// copied is the two lines to paste; the PNG is the whole comparison at 2x; the JSON download is the
// text; the draft link opens the same text; width and theme switches; completion and hover help
// from the schema; axe finds no violations.
import AxeBuilder from '@axe-core/playwright';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { check, log, newPage, run, serveDistWith, shotDir, waitFor, waitForEvents } from './lib.mjs';

const TABLE = [
  'Name\tVendor\tLicense\tCommercial use\tOpen weights\tEntry\tMonthly USD',
  'Alpha Chat\tAlpha Inc\tApache 2.0\tyes\tyes\tFree\t0',
  'Beta\tBeta Ltd\tProprietary\tno\tno\tFrom $20\t20',
  'Gamma\tGamma Co\tMIT\tyes\tno\tFree\t0',
  '',
  'Tool\tReviewer\tLens\tVerdict\tQuote',
  'Alpha Chat\tAnn Lee\tCost\tShip\tCheap and good.',
  'Beta\tBo Chen\tSecurity\tskip\tToo pricey for what it does.',
  'Gamma\tAnn Lee\tCost\tship\tSolid.',
].join('\n');

const text = (page) => page.evaluate(() => window.versusEditor.text());
const summary = (page) => page.evaluate(() => document.getElementById('problems-summary').textContent);
const problems = (page) => page.evaluate(() => [...document.querySelectorAll('#problems .problem')].map((b) => b.textContent));
const previewTools = (page) => page.evaluate(() => [...document.getElementById('preview').shadowRoot.querySelectorAll('.rendition li[data-tool]')].map((li) => li.dataset.tool));
const activeLine = (page) => page.evaluate(() => document.getElementById('code').shadowRoot.querySelector('.cm-activeLine')?.textContent);

async function axe(page, name) {
  const result = await new AxeBuilder({ page }).analyze();
  const lines = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' >> ')).join('; ')}`);
  log(`${name}: ${result.passes.length} rules pass, ${result.violations.length} violations`);
  check(result.violations.length === 0, `${name}: axe-core violations:\n  ${lines.join('\n  ')}`);
}

async function downloadOf(page, trigger) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), trigger()]);
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
}

async function ready(page) {
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 30000 });
  await waitForEvents(page, 1);
}

await run('the editor: problems marked, preview follows, spreadsheet, snippet, PNG, draft link, keyboard, axe', async (browser) => {
  const server = await serveDistWith([]);
  try {
    const page = await newPage(browser, { width: 1400, height: 900 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(server.url + 'editor.html');
    await ready(page);
    check((await summary(page)).startsWith('Valid'), `the seed should be valid: ${await summary(page)}`);
    check(JSON.stringify(await previewTools(page)) === '["haiku","mistral-4b"]', 'the preview shows the seed');
    await axe(page, 'editor, light');

    // [Keyboard] Tab from the top reaches the start buttons, the out buttons, the code, the switches, the preview.
    await page.evaluate(() => document.activeElement?.blur());
    const order = [];
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => {
        const a = document.activeElement;
        const inner = a?.shadowRoot?.activeElement;
        return a?.id === 'code' ? 'code' : inner?.className === 'surface' ? 'preview' : a?.id || a?.name || a?.tagName;
      }));
    }
    log('Tab order', order.join(' → '));
    for (const id of ['start-seed', 'start-table', 'copy-snippet', 'download-png', 'copy-link', 'code', 'width', 'theme', 'preview']) {
      check(order.includes(id), `Tab should reach ${id}; order: ${order.join(' → ')}`);
    }

    // [Mistake] Line 20 is Haiku's "commercial_use": false; make it "no" with the keyboard.
    await page.locator('#code .cm-content').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 60 && !(await activeLine(page)).includes('"commercial_use"'); i++) await page.keyboard.press('ArrowDown');   // lines wrap
    check((await activeLine(page)).includes('"commercial_use": false'), `line 20 should be Haiku's commercial_use: ${await activeLine(page)}`);
    await page.keyboard.press('End');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('"no",');
    await waitFor(page, 'the problem listed', () => [...document.querySelectorAll('#problems .problem')].some((b) => b.textContent.includes('got the string "no"')), null,
      { report: () => document.getElementById('problems-summary').textContent });
    const listed = await problems(page);
    log('problems', JSON.stringify(listed));
    check(listed.length === 1 && listed[0].startsWith('Line 20, column 27') && listed[0].includes('/tools/0/license/commercial_use: expected a boolean, got the string "no"'),
      `the validator's problem at line 20, column 27: ${JSON.stringify(listed)}`);
    const mark = await page.locator('#code .cm-lintRange-error').first().textContent();
    check(mark === '"no"', `the mistake should be marked in the text: ${JSON.stringify(mark)}`);
    check((await summary(page)).includes('The preview keeps the last valid version'), `summary: ${await summary(page)}`);
    check((await page.evaluate(() => document.getElementById('preview').errors.length)) === 0 &&
      JSON.stringify(await previewTools(page)) === '["haiku","mistral-4b"]', 'the preview keeps the last valid version (no error card)');
    // A click on the problem goes there.
    await page.keyboard.press('Control+Home');
    await page.locator('#problems .problem').first().click();
    check((await activeLine(page))?.includes('"commercial_use": "no"'), `clicking the problem should put the cursor on line 20: ${await activeLine(page)}`);

    // [Fix] true: valid again, the preview follows (Haiku gains the "Commercial use" fact).
    await page.keyboard.press('End');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('true,');
    await waitFor(page, 'the preview following the fix', () => {
      const li = document.getElementById('preview').shadowRoot.querySelector('.rendition li[data-tool="haiku"]');
      return li && [...li.querySelectorAll('.r-facts li')].some((f) => f.textContent === 'Commercial use');
    }, null, { report: () => document.getElementById('problems-summary').textContent });
    check((await summary(page)).startsWith('Valid') && (await problems(page)).length === 0, 'fixed: valid, no problems');
    check((await page.locator('#code .cm-lintRange-error').count()) === 0, 'no marks left');

    // [Spreadsheet] A bad table is answered by row and column, the dialog stays.
    await page.focus('#start-table');
    await page.keyboard.press('Enter');
    check(await page.evaluate(() => document.activeElement.id === 'table-text'), 'the dialog opens on its text box');
    await page.keyboard.insertText('name\tlicense\tcommercial use\nAlpha\tMIT\tmaybe');
    await page.click('#table-make');
    const answer = await page.evaluate(() => document.getElementById('table-problems').textContent);
    log('bad table:', answer);
    check(answer.includes('tools table, row 2, column C (commercial use): expected yes or no, got "maybe"'), `bad table answer: ${answer}`);
    // The three-tool table: a valid payload, shown.
    await page.fill('#table-text', TABLE);
    await page.focus('#table-make');
    await page.keyboard.press('Enter');
    await waitFor(page, 'the table\'s three tools in the preview', () =>
      document.getElementById('preview').shadowRoot.querySelectorAll('.rendition li[data-tool]').length === 3, null,
    { report: () => document.getElementById('problems-summary').textContent });
    const made = JSON.parse(await text(page));
    check(made.tools.map((t) => t.id).join() === 'alpha-chat,beta,gamma' && made.reviews.length === 3 && made.reviewers.length === 2,
      `payload from the table: ${JSON.stringify(made).slice(0, 300)}`);
    check((await summary(page)).startsWith('Valid'), `the table's payload should be valid: ${await summary(page)}`);
    log('status:', await page.evaluate(() => document.getElementById('status').textContent));

    // [Snippet] The exact two lines.
    await page.click('#copy-snippet');
    await waitFor(page, 'the snippet copied', () => document.getElementById('status').textContent.startsWith('Embed snippet copied'));
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    const want = `<script type="module" src="${server.url}versus.js"></script>\n<versus-widget src="alpha-chat-vs-beta-vs-gamma.json"></versus-widget>`;
    check(snippet === want, `embed snippet:\n${snippet}\nexpected:\n${want}`);

    // [Files] payload JSON = the text; PNG = the whole comparison at 2x.
    const payloadFile = await downloadOf(page, () => page.click('#download-json'));
    check(payloadFile.name === 'alpha-chat-vs-beta-vs-gamma.json' && payloadFile.bytes.toString() === await text(page),
      `payload download ${payloadFile.name} should be the editor's text`);
    const size = await page.evaluate(() => document.getElementById('preview').shadowRoot.querySelector('.surface').getBoundingClientRect().toJSON());
    const png = await downloadOf(page, () => page.click('#download-png'));
    const w = png.bytes.readUInt32BE(16);
    const h = png.bytes.readUInt32BE(20);
    log(`PNG ${png.name}: ${w}x${h} for ${size.width}x${size.height} CSS px`);
    await writeFile(join(shotDir(), 'editor-download.png'), png.bytes);
    check(png.name.endsWith('.png') && w === Math.round(size.width * 2) && h === Math.round(size.height * 2), `the PNG should be the whole preview at 2x: ${w}x${h}`);

    // [Width, theme] Phone width, dark.
    await page.check('input[name="width"][value="360"]');
    await page.check('input[name="theme"][value="dark"]');
    await waitFor(page, 'the preview at 360 px, dark', () => {
      const p = document.getElementById('preview');
      return Math.abs(p.getBoundingClientRect().width - 358) <= 2 && p.shadowRoot.querySelector('.widget').dataset.theme === 'dark';
    }, null, { report: () => document.getElementById('preview').getBoundingClientRect().width });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shotDir(), 'editor-dark-360.png') });
    await axe(page, 'editor, dark, phone preview');

    // [Draft link] Opened elsewhere, the same text.
    await page.click('#copy-link');
    await waitFor(page, 'the draft link copied', () => document.getElementById('status').textContent.startsWith('Draft link copied'));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    log(`draft link: ${link.length} characters`);
    check(link.startsWith(`${server.url}editor.html#draft=`), `draft link: ${link.slice(0, 80)}`);
    const before = await text(page);
    const other = await newPage(browser, { width: 390, height: 844 });
    await other.goto(link);
    await ready(other);
    check(await text(other) === before, 'the draft link should open the same text');
    check(JSON.stringify(await previewTools(other)) === '["alpha-chat","beta","gamma"]', 'and show it');
    await other.screenshot({ path: join(shotDir(), 'editor-phone.png') });
    // [Schema help] Completion of a property name in the root object; hover help on one.
    await page.click('#start-blank');
    await page.locator('#code .cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"la');
    await waitFor(page, 'completion offering "lang"', () => [...document.getElementById('code').shadowRoot
      .querySelectorAll('.cm-tooltip-autocomplete li')].some((li) => li.textContent.startsWith('lang')), null,
    { report: () => [...document.getElementById('code').shadowRoot.querySelectorAll('.cm-tooltip-autocomplete li')].map((li) => li.textContent) });
    const offered = await page.evaluate(() => [...document.getElementById('code').shadowRoot.querySelectorAll('.cm-tooltip-autocomplete li')].map((li) => li.textContent));
    log('completion after "la:', JSON.stringify(offered));
    while (!(await page.evaluate(() => document.getElementById('code').shadowRoot.querySelector('.cm-tooltip-autocomplete li[aria-selected]')?.textContent.startsWith('lang')))) {
      await page.keyboard.press('ArrowDown');
    }
    await page.waitForTimeout(200);   // CodeMirror ignores Enter on a list shown less than 75 ms ago (interactionDelay)
    await page.keyboard.press('Enter');
    check((await activeLine(page)).trim() === '"lang":', `accepting the completion should write the property and its colon: ${await activeLine(page)}`);
    const title = await page.locator('#code .cm-line', { hasText: '"title"' }).first().boundingBox();
    await page.mouse.move(title.x + 40, title.y + title.height / 2);
    await waitFor(page, 'hover help on "title"', () => document.getElementById('code').shadowRoot.querySelector('.cm-tooltip-hover'));
    const help = await page.evaluate(() => document.getElementById('code').shadowRoot.querySelector('.cm-tooltip-hover').textContent);
    log('hover on "title":', help);
    check(help.includes('required') && help.includes('headline'), `hover help should say what title is: ${help}`);

    check(page.problems.length === 0 && other.problems.length === 0, `page problems (CSP, errors): ${[...page.problems, ...other.problems]}`);
  } finally {
    await server.close();
  }
});
