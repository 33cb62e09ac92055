// votes.test.mjs — what a reader does, as the page sees it: the "Commercial use" license chip
// (a `versus-filter` event with the active chips and shown/total, only Mistral left on the canvas),
// a vote (a `versus-vote` event, the community figure moves on the canvas and in the HTML
// rendition alike, the vote in localStorage keyed by the payload's title, POSTed to
// vote-endpoint), restored after a reload, taken back; a failing endpoint is said quietly and the
// local vote stays. Fixture: interaction.html.
import {
  canvasFigures, check, clickItem, drawnItems, inCard, log, newPage, renditionFigures, renditionText, run,
  serveDistWith, waitFor, waitForEvents,
} from './lib.mjs';

const TITLE = 'Claude Haiku Open Weights vs Mistral 4B';
const KEY = `versus:votes:${TITLE}`;
const actions = (page) => page.evaluate(() => window.__versusActions.slice());
const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);

async function nextAction(page, count, what) {
  await waitFor(page, what, (n) => window.__versusActions.length >= n, count, { report: () => window.__versusActions });
  return (await actions(page))[count - 1];
}

await run('filter chips and votes reach the page, votes persist', async (browser) => {
  const server = await serveDistWith(['interaction.html']);
  try {
    const page = await newPage(browser, { width: 1100, height: 800 });
    const posts = [];
    let failPosts = false;
    await page.route('**/vote', async (route) => {
      posts.push(JSON.parse(route.request().postData()));
      await route.fulfill(failPosts ? { status: 500, body: 'no' } : { status: 204 });
    });
    await page.goto(server.url + 'interaction.html');
    await waitForEvents(page, 1);
    await page.evaluate(() => {
      document.getElementById('w').setAttribute('vote-endpoint', '/vote');
      window.__posted = [];
      document.addEventListener('versus-vote', (e) => e.detail.posted && e.detail.posted.then((ok) => window.__posted.push(ok)));
    });

    // [Filter] "Commercial use": only Mistral stays, the page hears which chips and how many.
    let items = await drawnItems(page, 'w');
    const chip = items.find((i) => i.role === 'chip' && i.text === 'Commercial use');
    check(chip, `a "Commercial use" chip should be drawn; chips: ${items.filter((i) => i.role === 'chip').map((i) => i.text)}`);
    await clickItem(page, 'w', chip);
    const filter = await nextAction(page, 1, 'versus-filter after clicking "Commercial use"');
    log('versus-filter', JSON.stringify(filter.detail));
    check(filter.type === 'versus-filter' && filter.id === 'w', `expected versus-filter from #w, got ${JSON.stringify(filter)}`);
    const d = filter.detail;
    check(JSON.stringify(d.active) === '["Commercial use"]' && d.commercialUse === true && d.shown === 1 && d.total === 2 &&
      JSON.stringify(d.tools) === '["mistral-4b"]', `versus-filter detail should say 1 of 2 shown (mistral-4b): ${JSON.stringify(d)}`);
    items = await drawnItems(page, 'w');
    const cards = items.filter((i) => i.role === 'card').map((i) => i.text);
    check(JSON.stringify(cards) === '["mistral-4b"]', `only Mistral's card should remain, cards: ${JSON.stringify(cards)}`);
    const clear = items.find((i) => i.role === 'filters.clear');
    check(clear, 'a "Clear filters" link should be drawn while a filter is on');
    await clickItem(page, 'w', clear);
    const cleared = await nextAction(page, 2, 'versus-filter after "Clear filters"');
    check(cleared.detail.shown === 2 && cleared.detail.active.length === 0, `clearing should show 2 of 2: ${JSON.stringify(cleared.detail)}`);

    // [Vote] Ship on Haiku: event, figure, storage, POST; canvas and rendition agree.
    items = await drawnItems(page, 'w');
    const figuresBefore = canvasFigures(items);
    const ship = inCard(items, 'haiku', 'vote.ship')[0];
    check(ship, "Haiku's card should have a Ship vote button (role vote.ship)");
    await clickItem(page, 'w', ship);
    const vote = await nextAction(page, 3, 'versus-vote after clicking Ship');
    log('versus-vote', JSON.stringify(vote.detail));
    check(vote.type === 'versus-vote' && vote.detail.tool === 'haiku' && vote.detail.verdict === 'ship' && vote.detail.title === TITLE,
      `expected versus-vote {tool: haiku, verdict: ship}, got ${JSON.stringify(vote)}`);
    check(vote.hasPosted, 'with vote-endpoint, detail.posted should be a promise');
    check(await stored(page) === '{"haiku":"ship"}', `localStorage ${KEY} should hold the vote, holds ${await stored(page)}`);
    await waitFor(page, 'the POST to be answered', () => window.__posted.length >= 1);
    check(JSON.stringify(posts[0]) === JSON.stringify({ tool: 'haiku', verdict: 'ship', title: TITLE }),
      `the POST body should be {tool, verdict, title}, got ${JSON.stringify(posts)}`);
    check((await page.evaluate(() => window.__posted))[0] === true, 'detail.posted should resolve true for a 204');
    items = await drawnItems(page, 'w');
    const figuresAfter = canvasFigures(items);
    log('figures before/after', JSON.stringify(figuresBefore.haiku), JSON.stringify(figuresAfter.haiku));
    check(figuresAfter.haiku[1] !== figuresBefore.haiku[1], `the community figure should change at once: ${figuresBefore.haiku[1]} → ${figuresAfter.haiku[1]}`);
    const label = inCard(items, 'haiku', 'vote.label')[0];
    check(label && /counted/.test(label.text), `the card should say the vote is counted: ${label && label.text}`);
    const html = await renditionFigures(page, 'w');
    check(JSON.stringify(html) === JSON.stringify(figuresAfter),
      `the HTML rendition's figures should be the canvas's: ${JSON.stringify(html)} vs ${JSON.stringify(figuresAfter)}`);
    check(/Your vote: Ship/.test(await renditionText(page, 'w')), 'the rendition should say the reader voted Ship');

    // [Restore] After a reload the vote is back, on the canvas and in the rendition.
    await page.reload();
    await waitForEvents(page, 1);
    items = await drawnItems(page, 'w');
    const restored = canvasFigures(items);
    check(JSON.stringify(restored) === JSON.stringify(figuresAfter), `after a reload the figures should include the vote: ${JSON.stringify(restored)}`);
    const again = inCard(items, 'haiku', 'vote.label')[0];
    check(again && /counted/.test(again.text), `after a reload the card should still say the vote is counted: ${again && again.text}`);
    check(/Your vote: Ship/.test(await renditionText(page, 'w')), 'after a reload the rendition should say the reader voted Ship');

    // [Take back] Ship again: verdict null, storage cleared, figure back.
    await page.evaluate(() => {
      document.getElementById('w').setAttribute('vote-endpoint', '/vote');
      window.__posted = [];
      document.addEventListener('versus-vote', (e) => e.detail.posted && e.detail.posted.then((ok) => window.__posted.push(ok)));
    });
    await clickItem(page, 'w', inCard(items, 'haiku', 'vote.ship')[0]);
    const back = await nextAction(page, 1, 'versus-vote after taking the vote back');
    check(back.detail.tool === 'haiku' && back.detail.verdict === null, `taking back should fire verdict null: ${JSON.stringify(back.detail)}`);
    check(await stored(page) === null, `localStorage should forget the vote, holds ${await stored(page)}`);
    items = await drawnItems(page, 'w');
    check(JSON.stringify(canvasFigures(items)) === JSON.stringify(figuresBefore), `taken back, the figures should be as before: ${JSON.stringify(canvasFigures(items))}`);

    // [Failing endpoint] Skip on Mistral with a 500: said quietly, the local vote stays.
    failPosts = true;
    await clickItem(page, 'w', inCard(items, 'mistral-4b', 'vote.skip')[0]);
    const skip = await nextAction(page, 2, 'versus-vote for a skip');
    check(skip.detail.tool === 'mistral-4b' && skip.detail.verdict === 'skip', `expected a skip on mistral-4b: ${JSON.stringify(skip.detail)}`);
    await waitFor(page, 'the failing POST to be answered', () => window.__posted.length >= 2);
    check((await page.evaluate(() => window.__posted))[1] === false, 'detail.posted should resolve false for an HTTP 500');
    const note = await page.evaluate(() => {
      const n = document.getElementById('w').shadowRoot.querySelector('.note');
      return { hidden: n.hidden, text: n.textContent, h: n.getBoundingClientRect().height };
    });
    log('note', JSON.stringify(note));
    check(!note.hidden && note.h > 0 && /saved on this device/.test(note.text), `a failed POST should be said in a small note: ${JSON.stringify(note)}`);
    check(await stored(page) === '{"mistral-4b":"skip"}', `the local vote should stay after a failed POST: ${await stored(page)}`);
    check(page.problems.filter((p) => !/HTTP 500/.test(p)).length === 0, `the page reported problems: ${page.problems.join('; ')}`);
    await page.context().close();
  } finally {
    await server.close();
  }
});
