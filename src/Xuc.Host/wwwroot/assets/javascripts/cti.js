/*
 * cti.js: Xuc's JavaScript API (the `Cti` object of the xuc reference, ../shared/spec/xuc-api-reference.txt).
 *
 *   <script src="/assets/javascripts/shotgun.js"></script>   (or jQuery)
 *   <script src="/assets/javascripts/cti.js"></script>
 *   Cti.setHandler(Cti.MessageType.LOGGEDON, function (msg) { ... });
 *   Cti.WebSocket.init("ws://host:8090/xuc/api/2.0/cti?token=" + token, "jbond", "1001");
 *
 * Every method sends the frame PROTOCOL.md §2.1 gives ({"claz":"web","command":...,arguments}); an argument left
 * undefined is left out of the frame. On top of the reference: a 5 s heartbeat that closes a link after 3 pings with no
 * frame received, reconnection with back-off that sends again the subscriptions the page made (docs/javascript-api.md).
 */
(function (root) {
  'use strict';

  const MessageType = {
    ERROR: 'Error',
    LOGGEDON: 'LoggedOn',
    LOGGEDONERROR: 'LoggedOnError',
    PONG: 'Pong',
    SHEET: 'Sheet',
    USERSTATUSES: 'UsersStatuses',
    USERSTATUSUPDATE: 'UserStatusUpdate',
    USERCONFIGUPDATE: 'UserConfigUpdate',
    DIRECTORYRESULT: 'DirectoryResult',
    PHONESTATUSUPDATE: 'PhoneStatusUpdate',
    VOICEMAILSTATUSUPDATE: 'VoiceMailStatusUpdate',
    LINKSTATUSUPDATE: 'LinkStatusUpdate',
    QUEUESTATISTICS: 'QueueStatistics',
    QUEUECONFIG: 'QueueConfig',
    QUEUELIST: 'QueueList',
    QUEUEMEMBER: 'QueueMember',
    QUEUEMEMBERLIST: 'QueueMemberList',
    QUEUECALLS: 'QueueCalls',
    GETQUEUESTATISTICS: 'GetQueueStatistics',
    AGENTCONFIG: 'AgentConfig',
    AGENTDIRECTORY: 'AgentDirectory',
    AGENTERROR: 'AgentError',
    AGENTLIST: 'AgentList',
    AGENTLISTEN: 'AgentListen',
    AGENTSTATISTICS: 'AgentStatistics',
    AGENTGROUPLIST: 'AgentGroupList',
    AGENTSTATEEVENT: 'AgentStateEvent',
    CONFERENCES: 'ConferenceList',
    CONFERENCEEVENT: 'ConferenceEvent',
    CONFERENCEPARTICIPANTEVENT: 'ConferenceParticipantEvent',
    CONFERENCECOMMANDERROR: 'ConferenceCommandError',
    CALLHISTORY: 'CallHistory',
    CALLHISTORYBYDAYS: 'CallHistoryByDays',
    FAVORITES: 'Favorites',
    FAVORITEUPDATED: 'FavoriteUpdated',
    PHONEEVENT: 'PhoneEvent',
    CURRENTCALLSPHONEEVENTS: 'CurrentCallsPhoneEvents',
    PHONEHINTSTATUSEVENT: 'PhoneHintStatusEvent',
    LINECONFIG: 'LineConfig',
    RIGHTPROFILE: 'RightProfile'
  };

  const PhoneStatus = {
    ONHOLD: 16, RINGING: 8, INDISPONIBLE: 4, BUSY_AND_RINGING: 9, AVAILABLE: 0, CALLING: 1, BUSY: 2,
    DEACTIVATED: -1, UNEXISTING: -2, ERROR: -99
  };

  const PhoneStatusColors = {
    '16': '#F7FE2E', '8': '#2E2EFE', '4': '#F2F2F2', '9': '#CC2EFA', '0': '#01DF01', '1': '#FF8000', '2': '#81BEF7',
    '-1': '#F2F2F2', '-2': '#F2F2F2', '-99': '#F2F2F2'
  };

  // ---- topics: jQuery.Callbacks when jQuery is there, else SHOTGUN, else a map of our own ----------------------------
  const ownTopics = Object.create(null);
  const jqTopics = Object.create(null);

  function topic(id) {
    if (typeof root.jQuery !== 'undefined' && root.jQuery.Callbacks) {
      let t = jqTopics[id];
      if (!t) {
        const callbacks = root.jQuery.Callbacks();
        t = jqTopics[id] = {
          publish: callbacks.fire, subscribe: callbacks.add, unsubscribe: callbacks.remove, clear: callbacks.empty
        };
      }
      return t;
    }
    if (typeof root.SHOTGUN !== 'undefined') {
      return {
        publish: function (value) { root.SHOTGUN.fire('cti/' + id, [value]); },
        subscribe: function (fn) { root.SHOTGUN.listen('cti/' + id, fn); },
        unsubscribe: function (fn) { root.SHOTGUN.remove('cti/' + id, fn); },
        clear: function () { root.SHOTGUN.remove('cti/' + id); }
      };
    }
    const list = ownTopics[id] || (ownTopics[id] = []);
    return {
      publish: function (value) { list.slice().forEach(function (fn) { fn(value); }); },
      subscribe: function (fn) { if (list.indexOf(fn) < 0) list.push(fn); },
      unsubscribe: function (fn) { const i = list.indexOf(fn); if (i >= 0) list.splice(i, 1); },
      clear: function () { list.length = 0; }
    };
  }

  function clearAllTopics() {
    Object.keys(jqTopics).forEach(function (id) { jqTopics[id].clear(); });
    if (typeof root.SHOTGUN !== 'undefined') root.SHOTGUN.remove('cti');
    Object.keys(ownTopics).forEach(function (id) { ownTopics[id].length = 0; });
  }

  // ---- frames ----------------------------------------------------------------------------------------------------------
  const WebsocketMessageFactory = {
    messageClaz: 'web',
    pingClaz: 'ping',
    createMessage: function (command) { return { claz: 'web', command: command }; },
    createMessageFromArgs: function (command, args) {
      const message = this.createMessage(command);
      Object.keys(args || {}).forEach(function (k) { if (args[k] !== undefined) message[k] = args[k]; });
      return message;
    },
    createPing: function () { return { claz: 'ping' }; }
  };

  /*
   * The methods: name -> [command, argument names in the method's order]. Each builds
   * {"claz":"web","command":command, name1: arg1, ...}; undefined arguments are left out.
   */
  const Methods = {
    changeUserStatus: ['userStatusUpdate', ['status']],
    dnd: ['dnd', ['state']],
    naFwd: ['naFwd', ['destination', 'state']],
    uncFwd: ['uncFwd', ['destination', 'state']],
    busyFwd: ['busyFwd', ['destination', 'state']],
    dial: ['dial', ['destination', 'variables']],
    dialFromMobile: ['dialFromMobile', ['destination', 'variables']],
    dialByUsername: ['dialByUsername', ['username', 'variables']],
    originate: ['originate', ['destination']],
    hangup: ['hangup', ['uniqueId']],
    answer: ['answer', ['uniqueId']],
    hold: ['hold', ['uniqueId']],
    directTransfer: ['directTransfer', ['destination']],
    attendedTransfer: ['attendedTransfer', ['destination', 'device']],
    completeTransfer: ['completeTransfer', []],
    cancelTransfer: ['cancelTransfer', []],
    sendDtmf: ['sendDtmf', ['key']],
    toggleMicrophone: ['toggleMicrophone', ['uniqueId']],
    setData: ['setData', ['variables']],
    getCurrentCallsPhoneEvents: ['getCurrentCallsPhoneEvents', []],
    subscribeToPhoneHints: ['subscribeToPhoneHints', ['phoneNumbers']],
    unsubscribeFromAllPhoneHints: ['unsubscribeFromAllPhoneHints', []],
    conference: ['conference', []],
    conferenceInvite: ['conferenceInvite', ['numConf', 'exten', 'role', 'earlyJoin', 'variables', 'marked', 'leaveWhenLastMarkedLeave', 'callerId']],
    conferenceMute: ['conferenceMute', ['numConf', 'index']],
    conferenceUnmute: ['conferenceUnmute', ['numConf', 'index']],
    conferenceKick: ['conferenceKick', ['numConf', 'index']],
    conferenceDeafen: ['conferenceDeafen', ['numConf', 'index']],
    conferenceUndeafen: ['conferenceUndeafen', ['numConf', 'index']],
    conferenceMuteAll: ['conferenceMuteAll', ['numConf']],
    conferenceUnmuteAll: ['conferenceUnmuteAll', ['numConf']],
    conferenceMuteMe: ['conferenceMuteMe', ['numConf']],
    conferenceUnmuteMe: ['conferenceUnmuteMe', ['numConf']],
    conferenceReset: ['conferenceReset', ['numConf']],
    conferenceClose: ['conferenceClose', ['numConf']],
    loginAgent: ['agentLogin', ['agentphonenumber', 'agentid']],
    logoutAgent: ['agentLogout', ['agentid']],
    pauseAgent: ['pauseAgent', ['agentid', 'reason']],
    unpauseAgent: ['unpauseAgent', ['agentid']],
    listenAgent: ['listenAgent', ['agentid']],
    monitorPause: ['monitorPause', ['agentid']],
    monitorUnpause: ['monitorUnpause', ['agentid']],
    subscribeToAgentEvents: ['subscribeToAgentEvents', []],
    getAgentStates: ['getAgentStates', []],
    subscribeToAgentStats: ['subscribeToAgentStats', []],
    getAgentDirectory: ['getAgentDirectory', []],
    setAgentQueue: ['setAgentQueue', ['agentId', 'queueId', 'penalty']],
    removeAgentFromQueue: ['removeAgentFromQueue', ['agentId', 'queueId']],
    setAgentGroup: ['setAgentGroup', ['agentId', 'groupId']],
    moveAgentsInGroup: ['moveAgentsInGroup', ['groupId', 'fromQueueId', 'fromPenalty', 'toQueueId', 'toPenalty']],
    addAgentsInGroup: ['addAgentsInGroup', ['groupId', 'fromQueueId', 'fromPenalty', 'toQueueId', 'toPenalty']],
    removeAgentGroupFromQueueGroup: ['removeAgentGroupFromQueueGroup', ['groupId', 'queueId', 'penalty']],
    addAgentsNotInQueueFromGroupTo: ['addAgentsNotInQueueFromGroupTo', ['groupId', 'queueId', 'penalty']],
    getList: ['getList', ['objectType']],
    getConfig: ['getConfig', ['objectType']],
    subscribeToQueueStats: ['subscribeToQueueStats', []],
    subscribeToQueueCalls: ['subscribeToQueueCalls', ['queueId']],
    unSubscribeToQueueCalls: ['unSubscribeToQueueCalls', ['queueId']],
    getQueueStatistics: ['getQueueStatistics', ['queueId', 'window', 'xqos']],
    directoryLookUp: ['directoryLookUp', ['term']],
    searchContacts: ['searchContacts', ['term']],
    getFavorites: ['getFavorites', []],
    getFavoriteContacts: ['getFavoriteContacts', []],
    addFavorite: ['addFavorite', ['contactId', 'source']],
    removeFavorite: ['removeFavorite', ['contactId', 'source']],
    getUserCallHistory: ['getUserCallHistory', ['size']],
    getAgentCallHistory: ['getAgentCallHistory', ['size']],
    getQueueCallHistory: ['getQueueCallHistory', ['queue', 'size']],
    getUserCallHistoryByDays: ['getUserCallHistoryByDays', ['days']]
  };

  function frameOf(command, names, values) {
    const args = {};
    names.forEach(function (n, i) { args[n] = values[i]; });
    return WebsocketMessageFactory.createMessageFromArgs(command, args);
  }

  // ---- subscriptions kept for a reconnection ------------------------------------------------------------------------
  // key -> frame, in the order the page made them; a reconnection sends them again.
  const subscriptions = new Map();

  function remember(frame) {
    switch (frame.command) {
      case 'subscribeToQueueStats':
      case 'subscribeToAgentEvents':
      case 'subscribeToAgentStats':
      case 'getCallbackLists':
        subscriptions.set(frame.command, frame); break;
      case 'getList':
        subscriptions.set('getList:' + frame.objectType, frame); break;
      case 'subscribeToQueueCalls':
        subscriptions.set('queueCalls:' + frame.queueId, frame); break;
      case 'unSubscribeToQueueCalls':
        subscriptions.delete('queueCalls:' + frame.queueId); break;
      case 'subscribeToPhoneHints':
        subscriptions.set('phoneHints:' + JSON.stringify(frame.phoneNumbers), frame); break;
      case 'unsubscribeFromAllPhoneHints':
        Array.from(subscriptions.keys()).forEach(function (k) { if (k.indexOf('phoneHints:') === 0) subscriptions.delete(k); });
        break;
      default:
        return false;
    }
    return true;
  }

  // ---- the link --------------------------------------------------------------------------------------------------------
  const link = {
    url: null, WS: null, socket: null, everOpened: false, closedByPage: false, attempt: 0,
    heartbeat: null, missed: 0, retryTimer: null, pending: [],
    pingInterval: 5000, maxMissed: 3, minDelay: 1000, maxDelay: 30000
  };
  const trafficListeners = [];

  function traffic(direction, frame) {
    trafficListeners.slice().forEach(function (fn) {
      try { fn(direction, frame); } catch (e) { console.error('Cti traffic listener', e); }
    });
  }

  function isOpen() { return link.socket !== null && link.socket.readyState === 1; }

  function rawSend(frame) {
    const text = JSON.stringify(frame);
    if (Cti.debugMsg) console.log('S>>> ' + text);
    link.socket.send(text);
    if (frame.claz !== 'ping') traffic('out', frame);
  }

  function publish(msgType, payload) {
    try { topic(msgType).publish(payload); }
    catch (e) { console.error('Cti handler of ' + msgType + ' failed', e); }
  }

  function send(frame) {
    const subscription = remember(frame);
    if (isOpen()) { rawSend(frame); return true; }
    if (subscription) return true; // sent when the link opens
    if (!link.everOpened && link.socket !== null && link.pending.length < 100) { link.pending.push(frame); return true; }
    publish(MessageType.ERROR, { Error: 'NotConnected', message: frame.command + ': the link to the server is down' });
    return false;
  }

  function stopHeartbeat() {
    if (link.heartbeat !== null) { clearInterval(link.heartbeat); link.heartbeat = null; }
  }

  function startHeartbeat(socket) {
    stopHeartbeat();
    link.missed = 0;
    link.heartbeat = setInterval(function () {
      if (socket !== link.socket) return;
      link.missed++;
      if (link.missed >= link.maxMissed) {
        console.warn('Cti: ' + link.maxMissed + ' heartbeats without an answer, closing the link');
        stopHeartbeat();
        lost(socket);
        return;
      }
      try { rawSend(WebsocketMessageFactory.createPing()); } catch (e) { lost(socket); }
    }, link.pingInterval);
  }

  function resolveUrl() {
    const u = typeof link.url === 'function' ? link.url() : link.url;
    return Promise.resolve(u);
  }

  function connect() {
    link.retryTimer = null;
    resolveUrl().then(function (url) {
      if (link.closedByPage) return;
      let socket;
      try { socket = new link.WS(url); }
      catch (e) { console.error('Cti: cannot open ' + url, e); scheduleRetry(); return; }
      link.socket = socket;
      socket.onopen = function () {
        if (socket !== link.socket) return;
        const reconnection = link.everOpened;
        link.everOpened = true;
        link.attempt = 0;
        startHeartbeat(socket);
        publish(MessageType.LINKSTATUSUPDATE, { status: 'opened', reconnection: reconnection });
        subscriptions.forEach(function (frame) { rawSend(frame); });
        const pending = link.pending; link.pending = [];
        pending.forEach(rawSend);
      };
      socket.onmessage = function (event) {
        if (socket !== link.socket) return;
        link.missed = 0;
        Cti.receive(event);
      };
      socket.onerror = function () { /* onclose follows */ };
      socket.onclose = function () { lost(socket); };
    }, function (e) {
      console.warn('Cti: no address to reconnect to', e);
      scheduleRetry();
    });
  }

  function lost(socket) {
    if (socket !== link.socket) return;
    stopHeartbeat();
    link.socket = null;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try { socket.close(); } catch (e) { /* already closed */ }
    const retryIn = link.closedByPage ? null : scheduleRetry();
    publish(MessageType.LINKSTATUSUPDATE, { status: 'closed', retryInMs: retryIn });
  }

  function scheduleRetry() {
    if (link.closedByPage || link.retryTimer !== null) return null;
    const base = Math.min(link.maxDelay, link.minDelay * Math.pow(2, link.attempt));
    link.attempt++;
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    link.retryTimer = setTimeout(connect, delay);
    return delay;
  }

  const CtiWebSocket = {
    /**
     * Opens the CTI link. wsurl: the address with its token, or a function returning it (or a promise of it), asked
     * again before each reconnection (a page refreshes its token there). WSClass: the WebSocket class (tests).
     */
    init: function (wsurl, username, phoneNumber, WSClass) {
      CtiWebSocket.close();
      link.url = wsurl;
      link.WS = WSClass || root.WebSocket;
      link.closedByPage = false;
      link.everOpened = false;
      link.attempt = 0;
      link.pending = [];
      Cti.username = username;
      Cti.phoneNumber = phoneNumber;
      link.socket = { readyState: 0 }; // connecting: frames sent now wait for the open
      connect();
    },
    /** Closes the link for good (no reconnection); the subscriptions are forgotten. */
    close: function () {
      link.closedByPage = true;
      if (link.retryTimer !== null) { clearTimeout(link.retryTimer); link.retryTimer = null; }
      const s = link.socket;
      if (s && s.close) lost(s); else { link.socket = null; stopHeartbeat(); }
      subscriptions.clear();
      link.pending = [];
    },
    /** Heartbeat and back-off settings: {pingInterval, maxMissed, minDelay, maxDelay} in ms. */
    configure: function (options) {
      ['pingInterval', 'maxMissed', 'minDelay', 'maxDelay'].forEach(function (k) {
        if (options && typeof options[k] === 'number') link[k] = options[k];
      });
    },
    isOpen: isOpen,
    /** The frames a reconnection sends again, in order. */
    subscriptions: function () { return Array.from(subscriptions.values()); }
  };

  const Cti = {
    debugMsg: false,
    MessageType: MessageType,
    PhoneStatus: PhoneStatus,
    PhoneStatusColors: PhoneStatusColors,
    WebsocketMessageFactory: WebsocketMessageFactory,
    WebSocket: CtiWebSocket,
    Topic: topic,
    /** Adds handler for the message type (a handler already set for it is not added twice). */
    setHandler: function (msgType, handler) {
      topic(msgType).unsubscribe(handler);
      topic(msgType).subscribe(handler);
    },
    unsetHandler: function (msgType, handler) { topic(msgType).unsubscribe(handler); },
    clearHandlers: clearAllTopics,
    /** Sends a frame as it is (Callback and Membership use it). */
    sendCallback: function (frame) { return send(frame); },
    receive: function (event) {
      let message;
      try { message = JSON.parse(event.data); }
      catch (e) { console.error('Cti: a frame that is not JSON: ' + event.data); return; }
      if (message === null || typeof message !== 'object' || typeof message.msgType !== 'string') {
        console.error('Cti: a frame without msgType: ' + event.data);
        return;
      }
      if (Cti.debugMsg) console.log('R<<< ' + event.data);
      if (message.msgType !== MessageType.PONG) traffic('in', message);
      publish(message.msgType, message.ctiMessage);
    },
    /** fn(direction 'in'|'out', frame) for every frame but pings and pongs (the sample's log). */
    addTrafficListener: function (fn) { if (trafficListeners.indexOf(fn) < 0) trafficListeners.push(fn); },
    removeTrafficListener: function (fn) { const i = trafficListeners.indexOf(fn); if (i >= 0) trafficListeners.splice(i, 1); },
    close: function () { CtiWebSocket.close(); },
    sendPing: function () { return send(WebsocketMessageFactory.createPing()); },
    getConferenceRooms: function () { return send(frameOf('getList', ['objectType'], ['meetme'])); },
    Methods: Methods
  };

  Object.keys(Methods).forEach(function (name) {
    const command = Methods[name][0], names = Methods[name][1];
    Cti[name] = function () { return send(frameOf(command, names, Array.prototype.slice.call(arguments))); };
  });
  // dialFromQueue: the queue id as a number, as the stock client sends it.
  Cti.dialFromQueue = function (destination, queueId, callerIdName, callerIdNumber, variables) {
    return send(frameOf('dialFromQueue', ['destination', 'queueId', 'callerIdName', 'callerIdNumber', 'variables'],
      [destination, parseInt(queueId, 10), callerIdName, callerIdNumber, variables]));
  };
  // The forwards take (destination, state) and send {state, destination}, as the reference writes them.
  ['naFwd', 'uncFwd', 'busyFwd'].forEach(function (command) {
    Cti[command] = function (destination, state) { return send(frameOf(command, ['state', 'destination'], [state, destination])); };
  });
  Cti.Methods.dialFromQueue = ['dialFromQueue', ['destination', 'queueId', 'callerIdName', 'callerIdNumber', 'variables']];

  root.Cti = Cti;
  if (typeof module === 'object' && module.exports) module.exports = Cti;
})(typeof globalThis !== 'undefined' ? globalThis : this);
