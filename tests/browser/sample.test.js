// The /sample page: log in through its form (REST token, the shared login of app/page.js), LoggedOn in the live log,
// a method's form sends its frame and the server's answer shows in the log; a bad login is refused with a reason.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { Server, launch, screenshot, loginPage, explained, skipOrFail } = require('./support');

test('sample: a refused login, then LoggedOn in the log, getList(queue) sent from its form and QueueList received', async (t) => {
  if (skipOrFail(t)) return;
  const server = await Server.create();
  await server.start();
  const browser = await launch();
  try {
    const refused = await browser.context.newPage();
    await refused.goto(server.base + '/sample');
    await refused.fill('#login input[name=login]', 'jbond');
    await refused.fill('#login input[name=password]', 'wrong');
    await refused.click('#login button[type=submit]');
    await refused.waitForSelector('#login-error:has-text("Login refused")');
    assert.equal(await refused.isHidden('#app'), true);

    const page = await loginPage(browser.context, server, '/sample', 'jbond');
    await explained(server, { page }, async () => {
      await page.waitForSelector('#log div.in[data-type=LoggedOn]');
      await page.waitForSelector('#who:has-text("jbond")');
      await page.fill('#filter', 'getlist');
      await page.fill('form[data-method="Cti.getList"] input[name=objectType]', 'queue');
      await page.click('form[data-method="Cti.getList"] button[type=submit]');
      await page.waitForSelector('#log div.out[data-type=getList]');
      const sent = JSON.parse((await page.textContent('#log div.out[data-type=getList]')).replace(/^[^{]*/, ''));
      assert.deepEqual(sent, { claz: 'web', command: 'getList', objectType: 'queue' });
      await page.waitForSelector('#log div.in[data-type=QueueList]:has-text("sales")');
      await screenshot(page, 'sample');
    });
  } finally {
    await browser.close();
    await server.dispose();
  }
});
