// Loads the served scripts into node as a page would (globals Cti, Callback, Membership), with a fake WebSocket class
// that records what the library sends and lets a test open, answer and drop the link.
'use strict';
const path = require('node:path');

const scripts = path.resolve(__dirname, '../../src/Xuc.Host/wwwroot/assets/javascripts');

function load() {
  for (const f of ['cti.js', 'callback.js', 'membership.js']) delete require.cache[path.join(scripts, f)];
  const Cti = require(path.join(scripts, 'cti.js'));
  const Callback = require(path.join(scripts, 'callback.js'));
  const Membership = require(path.join(scripts, 'membership.js'));
  Callback.init(Cti);
  Membership.init(Cti);
  return { Cti, Callback, Membership };
}

class FakeSocket {
  static all = [];
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    FakeSocket.all.push(this);
  }
  static last() { return FakeSocket.all[FakeSocket.all.length - 1]; }
  send(text) {
    if (this.readyState !== 1) throw new Error('InvalidStateError: not open');
    this.sent.push(JSON.parse(text));
  }
  close() {
    if (this.readyState === 3) return;
    this.readyState = 3;
    if (this.onclose) this.onclose({ code: 1000 });
  }
  // test side
  open() { this.readyState = 1; this.onopen && this.onopen(); }
  push(msgType, ctiMessage) { this.onmessage && this.onmessage({ data: JSON.stringify({ msgType, ctiMessage }) }); }
  drop() { this.readyState = 3; this.onclose && this.onclose({ code: 1006 }); }
  frames() { return this.sent.filter(f => f.claz !== 'ping'); }
}

/** Resolves once cond() is true (polled every 5 ms), else rejects after ms. */
function until(cond, ms = 2000, what = 'condition') {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (cond()) return resolve();
      if (Date.now() - started > ms) return reject(new Error('timed out waiting for ' + what));
      setTimeout(tick, 5);
    };
    tick();
  });
}

module.exports = { load, FakeSocket, until, scripts };
