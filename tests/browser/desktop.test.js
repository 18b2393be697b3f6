// The agent desktop and the supervisor page against the embedded default, in one working morning: the agent logs in on
// his phone, an outside call into queue sales rings the desktop (name, number, queue), is answered from the page and
// transferred; the supervisor's sales statistics change; the supervisor moves the agent to support and the desktop
// shows it; the server restarts under both pages, which reconnect and show the right state, then stay connected past
// the server's idle timeout.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { Server, launch, screenshot, loginPage, skipOrFail } = require('./support');

const number = async (page, selector) => Number((await page.textContent(selector)).trim());

test('desktop and supervisor: a queue call answered and transferred, an agent moved, a server restart', async (t) => {
  if (skipOrFail(t)) return;
  const server = await Server.create();
  await server.start();
  const browser = await launch();
  try {
    const desk = await loginPage(browser.context, server, '/', 'jbond');
    const sup = await loginPage(browser.context, server, '/supervisor', 'alice');

    // agent login from the page
    await desk.waitForSelector('#agent-state[data-state=AgentLoggedOut]');
    await desk.click('#agent-login');
    await desk.waitForSelector('#agent-state[data-state=AgentReady]');
    await desk.waitForSelector('#queues tr[data-queue=sales]');
    await sup.waitForSelector('#agents tr[data-agent="1"][data-state=AgentReady]');
    await sup.waitForSelector('#queues tr[data-queue=sales] td.entered');
    const enteredBefore = await number(sup, '#queues tr[data-queue=sales] td.entered');
    const answeredBefore = await number(sup, '#queues tr[data-queue=sales] td.answered');

    // an outside call into sales (3000) rings the desktop; the phone waits for the page to answer
    await server.sim('/endpoints/1001/behaviour?mode=manual');
    await server.sim('/calls?from=0612345678&to=3000');
    await desk.waitForSelector('#incoming:not([hidden])');
    assert.equal((await desk.textContent('#incoming-number')).trim(), '0612345678');
    assert.match(await desk.textContent('#incoming-queue'), /sales/i);
    await sup.waitForSelector('#waiting .waiting-call');
    await desk.click('#incoming-answer');
    await desk.waitForSelector('#calls .call[data-state=EventEstablished]');
    await desk.waitForSelector('#incoming', { state: 'hidden' });
    await desk.waitForSelector('#agent-state[data-state=AgentOnCall]');
    await sup.waitForSelector('#agents tr[data-agent="1"][data-state=AgentOnCall]');
    await sup.waitForFunction(([e, a]) => {
      const row = document.querySelector('#queues tr[data-queue=sales]');
      return Number(row.querySelector('td.entered').textContent) === e + 1 && Number(row.querySelector('td.answered').textContent) === a + 1;
    }, [enteredBefore, answeredBefore]);
    await screenshot(desk, 'desktop');
    await screenshot(sup, 'supervisor');

    // transferred to 1002: the call leaves the agent's desktop
    await desk.fill('#transfer-number', '1002');
    await desk.click('#direct-transfer');
    await desk.waitForSelector('#calls .call', { state: 'detached' });

    // the supervisor moves the agent from sales to support with penalty 2; the desktop shows it
    await sup.evaluate(() => {
      const pick = (id, re) => { const s = document.getElementById(id); s.value = Array.from(s.options).find(o => re.test(o.text)).value; };
      pick('move-agent', /Bond/); pick('move-from', /sales/i); pick('move-to', /support/i);
      document.getElementById('move-penalty').value = '2';
    });
    await sup.click('#move');
    await desk.waitForSelector('#queues tr[data-queue=support]').catch(async e => {
      throw new Error(e.message + '\nsupervisor: ' + await sup.textContent('#agent-error') + '\nagents: ' + await sup.textContent('#agents')
        + '\ndesk queues: ' + await desk.textContent('#queues') + ' ' + await desk.textContent('#phone-error'));
    });
    await desk.waitForSelector('#queues tr[data-queue=sales]', { state: 'detached' });
    assert.equal((await desk.textContent('#queues tr[data-queue=support] td:nth-child(2)')).trim(), '2');
    await sup.waitForFunction(() => /support \(2\)/.test(document.querySelector('#agents tr[data-agent="1"] td.queues').textContent));

    // a server restart under both pages: they reconnect and show the state the server has
    await server.stop();
    await desk.waitForSelector('#link.bad');
    await sup.waitForSelector('#link.bad');
    await server.start();
    await desk.waitForSelector('#link.ok', { timeout: 60000 });
    await sup.waitForSelector('#link.ok', { timeout: 60000 });
    await desk.waitForSelector('#agent-state[data-state=AgentReady]');
    await desk.waitForSelector('#queues tr[data-queue=support]');
    await sup.waitForSelector('#agents tr[data-agent="1"][data-state=AgentReady]');
    await sup.waitForSelector('#queues tr[data-queue=sales] td.entered');

    // connected past the server's 60 s idle timeout: the heartbeat keeps the link, no close is seen
    await desk.evaluate(() => { window.closes = 0; Cti.setHandler('LinkStatusUpdate', s => { if (s.status === 'closed') window.closes++; }); });
    await new Promise(r => setTimeout(r, 70000));
    assert.equal(await desk.evaluate(() => window.closes), 0);
    assert.equal(await desk.evaluate(() => Cti.WebSocket.isOpen()), true);
    // and it still works: pause from the page
    await desk.click('#agent-pause');
    await desk.waitForSelector('#agent-state[data-state=AgentOnPause]');
    await sup.waitForSelector('#agents tr[data-agent="1"][data-state=AgentOnPause]');
  } finally {
    await browser.close();
    await server.dispose();
  }
});
