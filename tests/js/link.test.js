// The link of cti.js: handlers, LinkStatusUpdate, the heartbeat that gives up after 3 pings with no frame received,
// reconnection with back-off that sends the page's subscriptions again, frames sent while connecting or while down.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { load, FakeSocket, until } = require('./support');

function connected(options = {}) {
  const api = load();
  FakeSocket.all = [];
  api.Cti.WebSocket.configure({ pingInterval: 30, maxMissed: 3, minDelay: 20, maxDelay: 80, ...options });
  const links = [];
  api.Cti.setHandler(api.Cti.MessageType.LINKSTATUSUPDATE, s => links.push(s));
  api.Cti.WebSocket.init('ws://x/cti?token=t', 'jbond', '1001', FakeSocket);
  return { ...api, links };
}

test('handlers get the ctiMessage of their msgType; unsetHandler and clearHandlers remove them', async () => {
  const { Cti } = connected();
  await until(() => FakeSocket.all.length === 1);
  const socket = FakeSocket.last();
  socket.open();
  const got = [];
  const h = m => got.push(m);
  Cti.setHandler('LoggedOn', h);
  Cti.setHandler('LoggedOn', h); // set twice: called once
  socket.push('LoggedOn', { login: 'jbond', userId: 1, phoneNumber: '1001' });
  socket.push('AgentStateEvent', { name: 'AgentReady' });
  assert.deepStrictEqual(got, [{ login: 'jbond', userId: 1, phoneNumber: '1001' }]);
  Cti.unsetHandler('LoggedOn', h);
  socket.push('LoggedOn', {});
  assert.equal(got.length, 1);
  Cti.setHandler('Error', h);
  socket.onmessage({ data: 'not json' }); // ignored, nothing thrown
  Cti.clearHandlers();
  socket.push('Error', { Error: 'X' });
  assert.equal(got.length, 1);
  Cti.WebSocket.close();
});

test('frames sent before the link opens wait for it; while the link is down they are refused with Error NotConnected', async () => {
  const { Cti } = connected({ minDelay: 5000, maxDelay: 5000 });
  const errors = [];
  Cti.setHandler('Error', e => errors.push(e));
  Cti.dial('1002');
  await until(() => FakeSocket.all.length === 1);
  const socket = FakeSocket.last();
  socket.open();
  assert.deepStrictEqual(socket.frames(), [{ claz: 'web', command: 'dial', destination: '1002' }]);
  socket.drop();
  assert.equal(Cti.answer(), false);
  assert.deepStrictEqual(errors, [{ Error: 'NotConnected', message: 'answer: the link to the server is down' }]);
  Cti.WebSocket.close();
});

test('LinkStatusUpdate on open and close; a reconnection sends the subscriptions again in order, less those undone', async () => {
  const { Cti, Callback, links } = connected();
  await until(() => FakeSocket.all.length === 1);
  const first = FakeSocket.last();
  first.open();
  assert.deepStrictEqual(links, [{ status: 'opened', reconnection: false }]);
  Cti.subscribeToQueueStats();
  Cti.getList('queue');
  Cti.subscribeToQueueCalls(1);
  Cti.subscribeToQueueCalls(2);
  Cti.unSubscribeToQueueCalls(1);
  Cti.subscribeToAgentEvents();
  Callback.getCallbackLists();
  Cti.subscribeToPhoneHints(['1002']);
  Cti.unsubscribeFromAllPhoneHints();
  Cti.dial('1002'); // not a subscription: never sent again
  first.drop();
  assert.equal(links[1].status, 'closed');
  assert.ok(links[1].retryInMs > 0);
  await until(() => FakeSocket.all.length === 2, 2000, 'a new socket');
  const second = FakeSocket.last();
  assert.equal(second.url, 'ws://x/cti?token=t');
  second.open();
  assert.deepStrictEqual(second.frames(), [
    { claz: 'web', command: 'subscribeToQueueStats' },
    { claz: 'web', command: 'getList', objectType: 'queue' },
    { claz: 'web', command: 'subscribeToQueueCalls', queueId: 2 },
    { claz: 'web', command: 'subscribeToAgentEvents' },
    { claz: 'web', command: 'getCallbackLists' },
  ]);
  assert.deepStrictEqual(links[2], { status: 'opened', reconnection: true });
  Cti.WebSocket.close();
});

test('the back-off doubles up to its ceiling while the server stays away, and the url function is asked each time', async () => {
  const api = load();
  FakeSocket.all = [];
  api.Cti.WebSocket.configure({ pingInterval: 1000, minDelay: 20, maxDelay: 80 });
  let asked = 0;
  const closes = [];
  api.Cti.setHandler('LinkStatusUpdate', s => { if (s.status === 'closed') closes.push(s.retryInMs); });
  api.Cti.WebSocket.init(() => { asked++; return Promise.resolve('ws://x/cti?token=t' + asked); }, 'jbond', '1001', FakeSocket);
  for (let i = 1; i <= 5; i++) {
    await until(() => FakeSocket.all.length === i, 2000, 'attempt ' + i);
    FakeSocket.last().drop();
  }
  assert.equal(asked, 5);
  assert.equal(FakeSocket.last().url, 'ws://x/cti?token=t5');
  // 20, 40, 80, 80, 80 ms, each within ±20 %
  [20, 40, 80, 80, 80].forEach((base, i) => assert.ok(closes[i] >= base * 0.8 && closes[i] <= base * 1.2, `delay ${i}: ${closes[i]}`));
  api.Cti.WebSocket.close();
});

test('a ping every interval; any frame received resets the count; 3 pings without a frame close and reconnect', async () => {
  const { Cti, links } = connected({ pingInterval: 30, minDelay: 20 });
  await until(() => FakeSocket.all.length === 1);
  const socket = FakeSocket.last();
  socket.open();
  await until(() => socket.sent.filter(f => f.claz === 'ping').length >= 2, 2000, 'two pings');
  assert.deepStrictEqual(socket.sent[0], { claz: 'ping' });
  socket.push('Pong', {});
  await until(() => links.some(l => l.status === 'closed'), 2000, 'the link given up');
  assert.equal(socket.readyState, 3, 'the silent socket is closed');
  const pingsBeforeClose = socket.sent.filter(f => f.claz === 'ping').length;
  assert.ok(pingsBeforeClose >= 3, `${pingsBeforeClose} pings: the pong reset the count`);
  await until(() => FakeSocket.all.length === 2, 2000, 'a reconnection');
  Cti.WebSocket.close();
});

test('without jQuery the handlers go through SHOTGUN when it is loaded', async () => {
  const SHOTGUN = require('../../src/Xuc.Host/wwwroot/assets/javascripts/shotgun.js');
  try {
    const { Cti } = connected();
    const got = [];
    Cti.setHandler('PhoneEvent', e => got.push(e.eventType));
    assert.ok(SHOTGUN.topics().includes('cti/PhoneEvent'));
    await until(() => FakeSocket.all.length === 1);
    FakeSocket.last().open();
    FakeSocket.last().push('PhoneEvent', { eventType: 'EventRinging' });
    assert.deepStrictEqual(got, ['EventRinging']);
    Cti.clearHandlers();
    assert.ok(!SHOTGUN.topics().includes('cti/PhoneEvent'));
    Cti.WebSocket.close();
  } finally { delete globalThis.SHOTGUN; }
});
