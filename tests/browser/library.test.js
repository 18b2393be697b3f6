// The library loaded from the server, with nothing else on the page (no jQuery, no shotgun.js): it logs in, receives
// LoggedOn, logs the agent in and sees AgentReady; its frames reach the real server (a bad one is answered Error).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { Server, launch, screenshot, skipOrFail } = require('./support');

test('cti.js alone: LoggedOn, then loginAgent gives AgentReady, pause and unpause, every frame through the real server', async (t) => {
  if (skipOrFail(t)) return;
  const server = await Server.create();
  await server.start();
  const browser = await launch();
  try {
    const token = await server.token('mmoneypenny');
    const page = await browser.context.newPage();
    await page.goto(server.base + '/health/live'); // a page of the server's origin with nothing loaded but cti.js
    await page.addScriptTag({ url: '/assets/javascripts/cti.js' });
    assert.equal(await page.evaluate(() => typeof jQuery === 'undefined' && typeof SHOTGUN === 'undefined'), true);
    await page.evaluate(({ token }) => {
      window.got = [];
      ['LoggedOn', 'AgentStateEvent', 'Error', 'LinkStatusUpdate', 'UserConfigUpdate'].forEach(type =>
        Cti.setHandler(type, m => window.got.push({ type, m })));
      Cti.WebSocket.init('ws://' + location.host + '/xuc/api/2.0/cti?token=' + token, 'mmoneypenny', '1002');
    }, { token });
    // Waits for a message of that type for which the expression over m holds.
    const seen = (type, expression) => page.waitForFunction(([type, expression]) =>
      window.got.some(g => g.type === type && new Function('m', 'return ' + expression)(g.m)), [type, expression])
      .catch(async e => {
        const got = await page.evaluate(() => window.got.map(g => g.type + ' ' + JSON.stringify(g.m)).join('\n'));
        throw new Error(`no ${type} with ${expression}: ${e.message}\nreceived:\n${got}`);
      });
    await seen('LinkStatusUpdate', "m.status === 'opened'");
    await seen('LoggedOn', "m.login === 'mmoneypenny' && m.phoneNumber === '1002'");
    await seen('UserConfigUpdate', "m.agentId === 2 && m.fullName === 'Eve Moneypenny'");
    await page.evaluate(() => Cti.loginAgent('1002', 2));
    await seen('AgentStateEvent', "m.name === 'AgentReady' && m.agentId === 2 && m.phoneNb === '1002'");
    await page.evaluate(() => Cti.pauseAgent(2, 'lunch'));
    await seen('AgentStateEvent', "m.name === 'AgentOnPause' && m.agentId === 2");
    await page.evaluate(() => Cti.unpauseAgent(2));
    await page.waitForFunction(() => window.got.filter(g => g.type === 'AgentStateEvent' && g.m.name === 'AgentReady').length >= 2);
    await page.evaluate(() => Cti.getUserCallHistory(0)); // a size the server refuses, with a reason
    await seen('Error', "m.Error === 'InvalidArgument'");
    await page.evaluate(() => Cti.logoutAgent(2));
    await seen('AgentStateEvent', "m.name === 'AgentLoggedOut'");
    await page.setContent('<pre>' + (await page.evaluate(() => window.got.map(g => g.type + ' ' + JSON.stringify(g.m)).join('\n'))).replace(/</g, '&lt;') + '</pre>');
    await screenshot(page, 'library');
  } finally {
    await browser.close();
    await server.dispose();
  }
});
