// The agent desktop and the supervisor page against the embedded default, in one working day: the agent logs in on
// his phone, pauses for lunch and comes back; an outside call into queue sales rings the desktop (number, queue), is
// answered from the page and transferred; the supervisor's sales statistics change; a second call is answered and hung
// up from the page and both are in his history; the supervisor moves the agent to support and the desktop shows it;
// the server restarts under both pages, which reconnect and show the right state, then stay connected past the
// server's idle timeout (10 s here: the heartbeat's answers are counted, no close is seen).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { Server, launch, screenshot, loginPage, explained, skipOrFail } = require('./support');

const number = async (page, selector) => Number((await page.textContent(selector)).trim());

test('desktop and supervisor: pause for lunch, a queue call answered and transferred, one hung up, history, an agent moved, a server restart', async (t) => {
  if (skipOrFail(t)) return;
  const server = await Server.create({ XUC_CTI_IDLE_TIMEOUT: '10s' });
  await server.start();
  const browser = await launch();
  try {
    const desk = await loginPage(browser.context, server, '/', 'jbond');
    const sup = await loginPage(browser.context, server, '/supervisor', 'alice');
    await explained(server, { desk, sup }, async () => {

      // agent login from the page
      await desk.waitForSelector('#agent-state[data-state=AgentLoggedOut]');
      await desk.click('#agent-login');
      await desk.waitForSelector('#agent-state[data-state=AgentReady]');
      await desk.waitForSelector('#queues tr[data-queue=sales]');
      await sup.waitForSelector('#agents tr[data-agent="1"][data-state=AgentReady]');

      // a pause for lunch, seen with its reason on both pages, then back to work
      await desk.selectOption('#pause-reason', 'lunch');
      await desk.click('#agent-pause');
      await desk.waitForSelector('#agent-state[data-state=AgentOnPause]:has-text("lunch")');
      await sup.waitForSelector('#agents tr[data-agent="1"][data-state=AgentOnPause] td.state:has-text("lunch")');
      await desk.click('#agent-unpause');
      await desk.waitForSelector('#agent-state[data-state=AgentReady]');
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

      // a second call once the 5 s wrap-up of sales is over: answered, then hung up from the page; both calls in his history
      await desk.waitForSelector('#agent-state[data-state=AgentReady]');
      await server.sim('/calls?from=0698765432&to=3000');
      await desk.waitForSelector('#incoming-number:has-text("0698765432")');
      await desk.keyboard.press('F8'); // the answer shortcut
      await desk.waitForSelector('#calls .call[data-state=EventEstablished]');
      await desk.click('#calls .call .hangup');
      await desk.waitForSelector('#calls .call', { state: 'detached' });
      await desk.waitForFunction(() => ['0612345678', '0698765432'].every(n => document.getElementById('history').textContent.includes(n)))
        .catch(async e => { throw new Error(e.message + '\nhistory: ' + await desk.textContent('#history')); });
      await screenshot(desk, 'desktop-history');

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

      // a server restart under both pages (the embedded PBX restarts with it and has forgotten the agent's login): they
      // reconnect and show the state the server has, logged out, still in support; the agent logs in again from the page
      await server.stop();
      await desk.waitForSelector('#link.bad');
      await sup.waitForSelector('#link.bad');
      await server.start();
      await desk.waitForSelector('#link.ok', { timeout: 60000 });
      await sup.waitForSelector('#link.ok', { timeout: 60000 });
      await desk.waitForSelector('#agent-state[data-state=AgentLoggedOut]');
      await sup.waitForSelector('#agents tr[data-agent="1"][data-state=AgentLoggedOut]');
      await desk.waitForSelector('#queues tr[data-queue=support]');
      await desk.click('#agent-login');
      await desk.waitForSelector('#agent-state[data-state=AgentReady]');
      await sup.waitForSelector('#agents tr[data-agent="1"][data-state=AgentReady]');
      await sup.waitForSelector('#queues tr[data-queue=support] td.available:has-text("1")');

      // connected past the server's idle timeout (10 s): the heartbeat (a ping every 5 s) keeps the link, no close is seen
      // while four pings are answered
      await desk.evaluate(() => {
        window.closes = 0; window.pongs = 0;
        Cti.setHandler(Cti.MessageType.LINKSTATUSUPDATE, s => { if (s.status === 'closed') window.closes++; });
        Cti.setHandler(Cti.MessageType.PONG, () => { window.pongs++; });
      });
      await desk.waitForFunction(() => window.pongs >= 4 || window.closes > 0, null, { timeout: 40000 });
      assert.equal(await desk.evaluate(() => window.closes), 0);
      assert.equal(await desk.evaluate(() => Cti.WebSocket.isOpen()), true);
      // and it still works: pause from the page
      await desk.click('#agent-pause');
      await desk.waitForSelector('#agent-state[data-state=AgentOnPause]');
      await sup.waitForSelector('#agents tr[data-agent="1"][data-state=AgentOnPause]');
    });
  } finally {
    await browser.close();
    await server.dispose();
  }
});
