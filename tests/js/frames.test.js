// Every method of cti.js, callback.js and membership.js sends the frame PROTOCOL.md §2.1 gives: claz, command, the
// argument names and their JSON types. The calls below are the reference's; the second test reads PROTOCOL.md itself
// and checks that each command it lists is sent by some method with exactly its argument names.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { load, FakeSocket, until } = require('./support');

const vars = { var1: 'value 1', var2: 'value 2' };
const membership = [{ queueId: 8, penalty: 1 }, { queueId: 17, penalty: 0 }];
const web = (command, args = {}) => ({ claz: 'web', command, ...args });

// [object, method, arguments, expected frame]
const cases = [
  ['Cti', 'changeUserStatus', ['away'], web('userStatusUpdate', { status: 'away' })],
  ['Cti', 'dnd', [true], web('dnd', { state: true })],
  ['Cti', 'naFwd', ['1002', true], web('naFwd', { state: true, destination: '1002' })],
  ['Cti', 'uncFwd', ['0612345678', false], web('uncFwd', { state: false, destination: '0612345678' })],
  ['Cti', 'busyFwd', ['1003', true], web('busyFwd', { state: true, destination: '1003' })],
  ['Cti', 'dial', ['1002', vars], web('dial', { destination: '1002', variables: vars })],
  ['Cti', 'dialFromMobile', ['1002', vars], web('dialFromMobile', { destination: '1002', variables: vars })],
  ['Cti', 'dialFromQueue', ['0612345678', '3', 'Sales', '3000', vars],
    web('dialFromQueue', { destination: '0612345678', queueId: 3, callerIdName: 'Sales', callerIdNumber: '3000', variables: vars })],
  ['Cti', 'dialByUsername', ['bob', vars], web('dialByUsername', { username: 'bob', variables: vars })],
  ['Cti', 'originate', ['1002'], web('originate', { destination: '1002' })],
  ['Cti', 'hangup', [], web('hangup')],
  ['Cti', 'hangup', ['1447670382.37'], web('hangup', { uniqueId: '1447670382.37' })],
  ['Cti', 'answer', [], web('answer')],
  ['Cti', 'answer', ['1447670382.37'], web('answer', { uniqueId: '1447670382.37' })],
  ['Cti', 'hold', [], web('hold')],
  ['Cti', 'hold', ['1447670382.37'], web('hold', { uniqueId: '1447670382.37' })],
  ['Cti', 'directTransfer', ['1003'], web('directTransfer', { destination: '1003' })],
  ['Cti', 'attendedTransfer', ['1003'], web('attendedTransfer', { destination: '1003' })],
  ['Cti', 'attendedTransfer', ['1003', 'PJSIP/1001'], web('attendedTransfer', { destination: '1003', device: 'PJSIP/1001' })],
  ['Cti', 'completeTransfer', [], web('completeTransfer')],
  ['Cti', 'cancelTransfer', [], web('cancelTransfer')],
  ['Cti', 'sendDtmf', ['5'], web('sendDtmf', { key: '5' })],
  ['Cti', 'toggleMicrophone', ['1447670382.37'], web('toggleMicrophone', { uniqueId: '1447670382.37' })],
  ['Cti', 'setData', [{ var1: 'val1', USR_var2: 'val2' }], web('setData', { variables: { var1: 'val1', USR_var2: 'val2' } })],
  ['Cti', 'getCurrentCallsPhoneEvents', [], web('getCurrentCallsPhoneEvents')],
  ['Cti', 'subscribeToPhoneHints', [['1001', '1002']], web('subscribeToPhoneHints', { phoneNumbers: ['1001', '1002'] })],
  ['Cti', 'unsubscribeFromAllPhoneHints', [], web('unsubscribeFromAllPhoneHints')],
  ['Cti', 'getConferenceRooms', [], web('getList', { objectType: 'meetme' })],
  ['Cti', 'conference', [], web('conference')],
  ['Cti', 'conferenceInvite', ['4000', '1002', 'User', true, vars, false, false, 'Bob <1012>'],
    web('conferenceInvite', { numConf: '4000', exten: '1002', role: 'User', earlyJoin: true, variables: vars, marked: false, leaveWhenLastMarkedLeave: false, callerId: 'Bob <1012>' })],
  ['Cti', 'conferenceMute', ['4000', 1], web('conferenceMute', { numConf: '4000', index: 1 })],
  ['Cti', 'conferenceUnmute', ['4000', 1], web('conferenceUnmute', { numConf: '4000', index: 1 })],
  ['Cti', 'conferenceKick', ['4000', 2], web('conferenceKick', { numConf: '4000', index: 2 })],
  ['Cti', 'conferenceDeafen', ['4000', 2], web('conferenceDeafen', { numConf: '4000', index: 2 })],
  ['Cti', 'conferenceUndeafen', ['4000', 2], web('conferenceUndeafen', { numConf: '4000', index: 2 })],
  ['Cti', 'conferenceMuteAll', ['4000'], web('conferenceMuteAll', { numConf: '4000' })],
  ['Cti', 'conferenceUnmuteAll', ['4000'], web('conferenceUnmuteAll', { numConf: '4000' })],
  ['Cti', 'conferenceMuteMe', ['4000'], web('conferenceMuteMe', { numConf: '4000' })],
  ['Cti', 'conferenceUnmuteMe', ['4000'], web('conferenceUnmuteMe', { numConf: '4000' })],
  ['Cti', 'conferenceReset', ['4000'], web('conferenceReset', { numConf: '4000' })],
  ['Cti', 'conferenceClose', ['4000'], web('conferenceClose', { numConf: '4000' })],
  ['Cti', 'loginAgent', ['1001', 19], web('agentLogin', { agentphonenumber: '1001', agentid: 19 })],
  ['Cti', 'logoutAgent', [19], web('agentLogout', { agentid: 19 })],
  ['Cti', 'pauseAgent', [19], web('pauseAgent', { agentid: 19 })],
  ['Cti', 'pauseAgent', [19, 'lunch'], web('pauseAgent', { agentid: 19, reason: 'lunch' })],
  ['Cti', 'unpauseAgent', [19], web('unpauseAgent', { agentid: 19 })],
  ['Cti', 'listenAgent', [19], web('listenAgent', { agentid: 19 })],
  ['Cti', 'monitorPause', [19], web('monitorPause', { agentid: 19 })],
  ['Cti', 'monitorUnpause', [19], web('monitorUnpause', { agentid: 19 })],
  ['Cti', 'subscribeToAgentEvents', [], web('subscribeToAgentEvents')],
  ['Cti', 'getAgentStates', [], web('getAgentStates')],
  ['Cti', 'subscribeToAgentStats', [], web('subscribeToAgentStats')],
  ['Cti', 'getAgentDirectory', [], web('getAgentDirectory')],
  ['Cti', 'setAgentQueue', [19, 3, 12], web('setAgentQueue', { agentId: 19, queueId: 3, penalty: 12 })],
  ['Cti', 'removeAgentFromQueue', [19, 3], web('removeAgentFromQueue', { agentId: 19, queueId: 3 })],
  ['Cti', 'setAgentGroup', [19, 2], web('setAgentGroup', { agentId: 19, groupId: 2 })],
  ['Cti', 'moveAgentsInGroup', [1, 2, 0, 3, 1], web('moveAgentsInGroup', { groupId: 1, fromQueueId: 2, fromPenalty: 0, toQueueId: 3, toPenalty: 1 })],
  ['Cti', 'addAgentsInGroup', [1, 2, 0, 3, 1], web('addAgentsInGroup', { groupId: 1, fromQueueId: 2, fromPenalty: 0, toQueueId: 3, toPenalty: 1 })],
  ['Cti', 'removeAgentGroupFromQueueGroup', [1, 2, 0], web('removeAgentGroupFromQueueGroup', { groupId: 1, queueId: 2, penalty: 0 })],
  ['Cti', 'addAgentsNotInQueueFromGroupTo', [1, 2, 3], web('addAgentsNotInQueueFromGroupTo', { groupId: 1, queueId: 2, penalty: 3 })],
  ['Cti', 'getList', ['queue'], web('getList', { objectType: 'queue' })],
  ['Cti', 'getList', ['agentgroup'], web('getList', { objectType: 'agentgroup' })],
  ['Cti', 'getConfig', ['agent'], web('getConfig', { objectType: 'agent' })],
  ['Cti', 'subscribeToQueueStats', [], web('subscribeToQueueStats')],
  ['Cti', 'subscribeToQueueCalls', [9], web('subscribeToQueueCalls', { queueId: 9 })],
  ['Cti', 'unSubscribeToQueueCalls', [9], web('unSubscribeToQueueCalls', { queueId: 9 })],
  ['Cti', 'getQueueStatistics', [9, 3600, 15], web('getQueueStatistics', { queueId: 9, window: 3600, xqos: 15 })],
  ['Cti', 'directoryLookUp', ['pier'], web('directoryLookUp', { term: 'pier' })],
  ['Cti', 'searchContacts', ['pier'], web('searchContacts', { term: 'pier' })],
  ['Cti', 'getFavorites', [], web('getFavorites')],
  ['Cti', 'getFavoriteContacts', [], web('getFavoriteContacts')],
  ['Cti', 'addFavorite', ['12', 'internal'], web('addFavorite', { contactId: '12', source: 'internal' })],
  ['Cti', 'removeFavorite', ['12', 'internal'], web('removeFavorite', { contactId: '12', source: 'internal' })],
  ['Cti', 'getUserCallHistory', [10], web('getUserCallHistory', { size: 10 })],
  ['Cti', 'getAgentCallHistory', [10], web('getAgentCallHistory', { size: 10 })],
  ['Cti', 'getQueueCallHistory', ['bl', 20], web('getQueueCallHistory', { queue: 'bl', size: 20 })],
  ['Cti', 'getUserCallHistoryByDays', [7], web('getUserCallHistoryByDays', { days: 7 })],
  ['Callback', 'getCallbackLists', [], web('getCallbackLists')],
  ['Callback', 'findCallbackRequest', ['r1', [{ field: 'phoneNumber', operator: '=', value: '0230210082' }], 0, 20],
    web('findCallbackRequest', { id: 'r1', request: { filters: [{ field: 'phoneNumber', operator: '=', value: '0230210082' }], offset: 0, limit: 20 } })],
  ['Callback', 'getCallbackPreferredPeriods', [], web('getCallbackPreferredPeriods')],
  ['Callback', 'takeCallback', ['a967da84'], web('takeCallback', { uuid: 'a967da84' })],
  ['Callback', 'releaseCallback', ['a967da84'], web('releaseCallback', { uuid: 'a967da84' })],
  ['Callback', 'startCallback', ['a967da84', '0230210082'], web('startCallback', { uuid: 'a967da84', number: '0230210082' })],
  ['Callback', 'updateCallbackTicket', ['a967da84', 'Answered', 'done'], web('updateCallbackTicket', { uuid: 'a967da84', status: 'Answered', comment: 'done' })],
  ['Callback', 'updateCallbackTicket', ['a967da84', 'Callback', 'later', '2016-08-01', 'd327'],
    web('updateCallbackTicket', { uuid: 'a967da84', status: 'Callback', comment: 'later', dueDate: '2016-08-01', periodUuid: 'd327' })],
  ['Membership', 'getUserDefaultMembership', [186], web('getUserDefaultMembership', { userId: 186 })],
  ['Membership', 'setUserDefaultMembership', [186, membership], web('setUserDefaultMembership', { userId: 186, membership })],
  ['Membership', 'setUsersDefaultMembership', [[1, 2, 3], membership], web('setUsersDefaultMembership', { userIds: [1, 2, 3], membership })],
  ['Membership', 'applyUsersDefaultMembership', [[1, 2, 7, 9]], web('applyUsersDefaultMembership', { userIds: [1, 2, 7, 9] })],
];

/** Calls each case on an open link and returns the frames sent, one per case, as the server would read them. */
function sentFrames() {
  const api = load();
  FakeSocket.all = [];
  api.Cti.WebSocket.init('ws://x/xuc/api/2.0/cti?token=t', 'jbond', '1001', FakeSocket);
  return until(() => FakeSocket.all.length === 1, 1000, 'the socket').then(() => {
    const socket = FakeSocket.last();
    socket.open();
    return cases.map(([object, method, args]) => {
      const before = socket.sent.length;
      assert.equal(typeof api[object][method], "function", `${object}.${method} exists`);
      const result = api[object][method](...args);
      assert.equal(result, true, `${object}.${method} reports the frame sent`);
      assert.equal(socket.sent.length, before + 1, `${object}.${method} sends one frame`);
      return socket.sent[socket.sent.length - 1];
    });
  }).finally(() => api.Cti.WebSocket.close());
}

test('every method sends the frame of the protocol, argument names and JSON types included', async () => {
  const frames = await sentFrames();
  cases.forEach(([object, method], i) => assert.deepStrictEqual(frames[i], cases[i][3], `${object}.${method}`));
});

test('every method of the library is in the cases above', () => {
  const api = load();
  const own = (o) => Object.keys(o).filter(k => typeof o[k] === 'function' && !['init'].includes(k));
  const transport = ['setHandler', 'unsetHandler', 'clearHandlers', 'sendCallback', 'receive', 'addTrafficListener',
    'removeTrafficListener', 'close', 'sendPing', 'Topic'];
  const covered = new Set(cases.map(([o, m]) => o + '.' + m));
  const methods = [
    ...own(api.Cti).filter(m => !transport.includes(m)).map(m => 'Cti.' + m),
    ...own(api.Callback).map(m => 'Callback.' + m),
    ...own(api.Membership).map(m => 'Membership.' + m),
  ];
  assert.deepStrictEqual(methods.filter(m => !covered.has(m)), [], 'methods without a frame case');
  assert.ok(methods.length >= 79, `${methods.length} methods`);
});

/** PROTOCOL.md §2.1's commands: name -> {required, optional} argument names (top level), read from the page itself. */
function protocolCommands() {
  const file = path.resolve(__dirname, '../../../shared/spec/PROTOCOL.md');
  assert.ok(fs.existsSync(file), 'PROTOCOL.md is beside the repository at ../shared/spec (' + file + ')');
  const text = fs.readFileSync(file, 'utf8');
  const section = text.slice(text.indexOf('### 2.1'), text.indexOf('### 2.2'));
  // Words the section quotes that are values or argument names, not commands.
  const notCommands = new Set(['command', 'agentid', 'agentphonenumber', 'queue', 'agent', 'queuemember', 'agentgroup', 'bl']);
  const commands = new Map();
  for (const [, span] of section.matchAll(/`([^`]+)`/g)) {
    const m = /^([a-z][A-Za-z|]*)\s*(?:\{(.*)\})?$/.exec(span);
    if (!m || notCommands.has(m[1])) continue;
    const args = { required: [], optional: [] };
    if (m[2]) {
      let depth = 0, current = '';
      const parts = [];
      for (const c of m[2]) {
        if ('{['.includes(c)) depth++;
        if ('}]'.includes(c)) depth--;
        if (c === ',' && depth === 0) { parts.push(current); current = ''; } else current += c;
      }
      parts.push(current);
      for (const p of parts) {
        const name = p.split(':')[0].trim();
        if (name.endsWith('?')) args.optional.push(name.slice(0, -1)); else args.required.push(name);
      }
    }
    for (const name of m[1].split('|')) {
      if (!commands.has(name) || args.required.length + args.optional.length > 0) commands.set(name, args);
    }
  }
  return commands;
}

test('each command PROTOCOL.md lists is sent by a method, with exactly the arguments it names', async () => {
  const commands = protocolCommands();
  assert.ok(commands.size >= 81, `${commands.size} commands read from PROTOCOL.md`);
  const frames = await sentFrames();
  for (const [name, args] of commands) {
    const sent = frames.filter(f => f.command === name);
    assert.ok(sent.length > 0, `no method sends ${name}`);
    for (const frame of sent) {
      const keys = Object.keys(frame).filter(k => k !== 'claz' && k !== 'command');
      for (const r of args.required) assert.ok(keys.includes(r), `${name} carries ${r}: ${JSON.stringify(frame)}`);
      for (const k of keys) assert.ok(args.required.includes(k) || args.optional.includes(k), `${name}: ${k} is not in PROTOCOL.md`);
    }
  }
  const unknown = [...new Set(frames.map(f => f.command))].filter(c => !commands.has(c));
  assert.deepStrictEqual(unknown, [], 'commands sent that PROTOCOL.md does not list');
});

test('the message types are the protocol\'s names', () => {
  const { Cti, Callback, Membership } = load();
  for (const [k, v] of Object.entries(Cti.MessageType)) assert.match(v, /^[A-Z][A-Za-z]+$/, k);
  assert.equal(Cti.MessageType.LOGGEDON, 'LoggedOn');
  assert.equal(Cti.MessageType.AGENTSTATEEVENT, 'AgentStateEvent');
  assert.equal(Cti.MessageType.LINKSTATUSUPDATE, 'LinkStatusUpdate');
  assert.equal(Callback.MessageType.CALLBACKCLOTURED, 'CallbackClotured');
  assert.equal(Callback.MessageType.CALLBACKFINDRESPONSE, 'FindCallbackResponseWithId');
  assert.equal(Membership.MessageType.USERQUEUEDEFAULTMEMBERSHIP, 'UserQueueDefaultMembership');
  assert.deepStrictEqual(Cti.PhoneStatus, { ONHOLD: 16, RINGING: 8, INDISPONIBLE: 4, BUSY_AND_RINGING: 9, AVAILABLE: 0, CALLING: 1, BUSY: 2, DEACTIVATED: -1, UNEXISTING: -2, ERROR: -99 });
});
