// Types of Xuc's JavaScript API: /assets/javascripts/cti.js, callback.js, membership.js, shotgun.js (globals Cti,
// Callback, Membership, SHOTGUN). Every method sends one frame of PROTOCOL.md §2.1 and returns false when the link is
// down (the page also gets an Error {Error: "NotConnected"}).

declare namespace Cti {
  type Handler<T = any> = (message: T) => void;
  type Variables = Record<string, string | number | boolean>;
  interface QueueMembership { queueId: number; penalty: number; }

  interface Frame { claz: 'web' | 'ping'; command?: string; [argument: string]: unknown; }

  interface LinkStatus { status: 'opened' | 'closed'; reconnection?: boolean; retryInMs?: number | null; }
  interface LoggedOn { login: string; userId: number; phoneNumber: string; }
  interface ErrorMessage { Error: string; message?: string; }
  interface PhoneEvent {
    eventType: 'EventDialing' | 'EventRinging' | 'EventEstablished' | 'EventOnHold' | 'EventReleased';
    DN: string; otherDN: string; otherDName: string; linkedId: string; uniqueId: string;
    queueName?: string; callDirection?: 'Incoming' | 'Outgoing'; userData?: Record<string, string>;
  }
  interface AgentState {
    name: 'AgentReady' | 'AgentOnPause' | 'AgentOnWrapup' | 'AgentRinging' | 'AgentDialing' | 'AgentOnCall' | 'AgentLoggedOut' | 'AgentLogin';
    agentId: number; phoneNb: string; since: number; queues: number[]; cause: string;
    acd?: boolean; direction?: string; callType?: string; monitorState?: string;
  }
  interface QueueStatistics { queueId?: number; queueRef?: string; counters: { statName: string; value: number }[]; }
  interface QueueConfig { id: number; context: string; name: string; displayName: string; number: string; }
  interface QueueMember { agentId: number; queueId: number; penalty: number; }
  interface QueueCalls { queueId: number; calls: { position: number; name: string; number: string; queueTime: string }[]; }
  interface AgentConfig { id: number; firstName: string; lastName: string; number: string; context: string; groupId?: number; }
  interface UserConfig {
    userId: number; dndEnabled: boolean; naFwdEnabled: boolean; naFwdDestination: string; uncFwdEnabled: boolean;
    uncFwdDestination: string; busyFwdEnabled: boolean; busyFwdDestination: string; firstName: string; lastName: string;
    fullName: string; mobileNumber: string; agentId: number; lineIds: number[]; voiceMailId: number; voiceMailEnabled: boolean;
  }

  const MessageType: {
    ERROR: 'Error'; LOGGEDON: 'LoggedOn'; LOGGEDONERROR: 'LoggedOnError'; PONG: 'Pong'; SHEET: 'Sheet';
    USERSTATUSES: 'UsersStatuses'; USERSTATUSUPDATE: 'UserStatusUpdate'; USERCONFIGUPDATE: 'UserConfigUpdate';
    DIRECTORYRESULT: 'DirectoryResult'; PHONESTATUSUPDATE: 'PhoneStatusUpdate'; VOICEMAILSTATUSUPDATE: 'VoiceMailStatusUpdate';
    LINKSTATUSUPDATE: 'LinkStatusUpdate'; QUEUESTATISTICS: 'QueueStatistics'; QUEUECONFIG: 'QueueConfig'; QUEUELIST: 'QueueList';
    QUEUEMEMBER: 'QueueMember'; QUEUEMEMBERLIST: 'QueueMemberList'; QUEUECALLS: 'QueueCalls'; GETQUEUESTATISTICS: 'GetQueueStatistics';
    AGENTCONFIG: 'AgentConfig'; AGENTDIRECTORY: 'AgentDirectory'; AGENTERROR: 'AgentError'; AGENTLIST: 'AgentList';
    AGENTLISTEN: 'AgentListen'; AGENTSTATISTICS: 'AgentStatistics'; AGENTGROUPLIST: 'AgentGroupList'; AGENTSTATEEVENT: 'AgentStateEvent';
    CONFERENCES: 'ConferenceList'; CONFERENCEEVENT: 'ConferenceEvent'; CONFERENCEPARTICIPANTEVENT: 'ConferenceParticipantEvent';
    CONFERENCECOMMANDERROR: 'ConferenceCommandError'; CALLHISTORY: 'CallHistory'; CALLHISTORYBYDAYS: 'CallHistoryByDays';
    FAVORITES: 'Favorites'; FAVORITEUPDATED: 'FavoriteUpdated'; PHONEEVENT: 'PhoneEvent'; CURRENTCALLSPHONEEVENTS: 'CurrentCallsPhoneEvents';
    PHONEHINTSTATUSEVENT: 'PhoneHintStatusEvent'; LINECONFIG: 'LineConfig'; RIGHTPROFILE: 'RightProfile';
  };
  const PhoneStatus: {
    ONHOLD: 16; RINGING: 8; INDISPONIBLE: 4; BUSY_AND_RINGING: 9; AVAILABLE: 0; CALLING: 1; BUSY: 2;
    DEACTIVATED: -1; UNEXISTING: -2; ERROR: -99;
  };
  const PhoneStatusColors: Record<string, string>;
  let debugMsg: boolean;
  let username: string | undefined;
  let phoneNumber: string | undefined;

  namespace WebSocket {
    /** wsurl: the address with its token, or a function giving it (asked again before each reconnection). */
    function init(wsurl: string | (() => string | Promise<string>), username: string, phoneNumber: string, WSClass?: unknown): void;
    function close(): void;
    function configure(options: { pingInterval?: number; maxMissed?: number; minDelay?: number; maxDelay?: number }): void;
    function isOpen(): boolean;
    function subscriptions(): Frame[];
  }
  namespace WebsocketMessageFactory {
    function createMessage(command: string): Frame;
    function createMessageFromArgs(command: string, args: Record<string, unknown>): Frame;
    function createPing(): Frame;
  }

  function setHandler(msgType: string, handler: Handler): void;
  function unsetHandler(msgType: string, handler: Handler): void;
  function clearHandlers(): void;
  function sendCallback(frame: Frame): boolean;
  function addTrafficListener(fn: (direction: 'in' | 'out', frame: any) => void): void;
  function removeTrafficListener(fn: (direction: 'in' | 'out', frame: any) => void): void;
  function close(): void;

  // user and phone
  function changeUserStatus(status: string): boolean;
  function dnd(state: boolean): boolean;
  function naFwd(destination: string, state: boolean): boolean;
  function uncFwd(destination: string, state: boolean): boolean;
  function busyFwd(destination: string, state: boolean): boolean;
  function dial(destination: string, variables?: Variables): boolean;
  function dialFromMobile(destination: string, variables?: Variables): boolean;
  function dialFromQueue(destination: string, queueId: number | string, callerIdName?: string, callerIdNumber?: string, variables?: Variables): boolean;
  function dialByUsername(username: string, variables?: Variables): boolean;
  function originate(destination: string): boolean;
  function hangup(uniqueId?: string): boolean;
  function answer(uniqueId?: string): boolean;
  function hold(uniqueId?: string): boolean;
  function directTransfer(destination: string): boolean;
  function attendedTransfer(destination: string, device?: string): boolean;
  function completeTransfer(): boolean;
  function cancelTransfer(): boolean;
  function sendDtmf(key: string): boolean;
  function toggleMicrophone(uniqueId: string): boolean;
  function setData(variables: Variables): boolean;
  function getCurrentCallsPhoneEvents(): boolean;
  function subscribeToPhoneHints(phoneNumbers: string[]): boolean;
  function unsubscribeFromAllPhoneHints(): boolean;
  // conferences
  function getConferenceRooms(): boolean;
  function conference(): boolean;
  function conferenceInvite(numConf: string, exten: string, role: string, earlyJoin: boolean, variables: Variables, marked: boolean, leaveWhenLastMarkedLeave: boolean, callerId?: string): boolean;
  function conferenceMute(numConf: string, index: number): boolean;
  function conferenceUnmute(numConf: string, index: number): boolean;
  function conferenceKick(numConf: string, index: number): boolean;
  function conferenceDeafen(numConf: string, index: number): boolean;
  function conferenceUndeafen(numConf: string, index: number): boolean;
  function conferenceMuteAll(numConf: string): boolean;
  function conferenceUnmuteAll(numConf: string): boolean;
  function conferenceMuteMe(numConf: string): boolean;
  function conferenceUnmuteMe(numConf: string): boolean;
  function conferenceReset(numConf: string): boolean;
  function conferenceClose(numConf: string): boolean;
  // agents
  function loginAgent(agentPhoneNumber: string, agentId?: number): boolean;
  function logoutAgent(agentId?: number): boolean;
  function pauseAgent(agentId?: number, reason?: string): boolean;
  function unpauseAgent(agentId?: number): boolean;
  function listenAgent(agentId: number): boolean;
  function monitorPause(agentId?: number): boolean;
  function monitorUnpause(agentId?: number): boolean;
  function subscribeToAgentEvents(): boolean;
  function getAgentStates(): boolean;
  function subscribeToAgentStats(): boolean;
  function getAgentDirectory(): boolean;
  function setAgentQueue(agentId: number, queueId: number, penalty: number): boolean;
  function removeAgentFromQueue(agentId: number, queueId: number): boolean;
  function setAgentGroup(agentId: number, groupId: number): boolean;
  function moveAgentsInGroup(groupId: number, fromQueueId: number, fromPenalty: number, toQueueId: number, toPenalty: number): boolean;
  function addAgentsInGroup(groupId: number, fromQueueId: number, fromPenalty: number, toQueueId: number, toPenalty: number): boolean;
  function removeAgentGroupFromQueueGroup(groupId: number, queueId: number, penalty: number): boolean;
  function addAgentsNotInQueueFromGroupTo(groupId: number, queueId: number, penalty: number): boolean;
  // configuration and queues
  function getList(objectType: 'queue' | 'agent' | 'queuemember' | 'agentgroup' | 'meetme'): boolean;
  function getConfig(objectType: 'queue' | 'agent' | 'queuemember' | 'agentgroup'): boolean;
  function subscribeToQueueStats(): boolean;
  function subscribeToQueueCalls(queueId: number): boolean;
  function unSubscribeToQueueCalls(queueId: number): boolean;
  function getQueueStatistics(queueId: number, window: number, xqos: number): boolean;
  // directory and history
  function directoryLookUp(term: string): boolean;
  function searchContacts(term: string): boolean;
  function getFavorites(): boolean;
  function getFavoriteContacts(): boolean;
  function addFavorite(contactId: string, source: string): boolean;
  function removeFavorite(contactId: string, source: string): boolean;
  function getUserCallHistory(size: number): boolean;
  function getAgentCallHistory(size: number): boolean;
  function getQueueCallHistory(queue: string, size: number): boolean;
  function getUserCallHistoryByDays(days: number): boolean;
}

declare namespace Callback {
  function init(cti: typeof Cti): void;
  function getCallbackLists(): boolean;
  function findCallbackRequest(requestId: string | number, filters: unknown[], offset: number, limit: number): boolean;
  function getCallbackPreferredPeriods(): boolean;
  function takeCallback(uuid: string): boolean;
  function releaseCallback(uuid: string): boolean;
  function startCallback(uuid: string, number: string): boolean;
  function updateCallbackTicket(uuid: string, status: 'NoAnswer' | 'Answered' | 'Fax' | 'Callback', comment?: string, dueDate?: string, periodUuid?: string): boolean;
  const MessageType: {
    CALLBACKLISTS: 'CallbackLists'; CALLBACKFINDRESPONSE: 'FindCallbackResponseWithId'; CALLBACKTAKEN: 'CallbackTaken';
    CALLBACKRELEASED: 'CallbackReleased'; CALLBACKSTARTED: 'CallbackStarted'; CALLBACKCLOTURED: 'CallbackClotured';
    CALLBACKPREFERREDPERIODS: 'PreferredCallbackPeriodList'; CALLBACKREQUESTUPDATED: 'CallbackRequestUpdated';
  };
}

declare namespace Membership {
  function init(cti: typeof Cti): void;
  function getUserDefaultMembership(userId: number): boolean;
  function setUserDefaultMembership(userId: number, membership: Cti.QueueMembership[]): boolean;
  function setUsersDefaultMembership(userIds: number[], membership: Cti.QueueMembership[]): boolean;
  function applyUsersDefaultMembership(userIds: number[]): boolean;
  const MessageType: { USERQUEUEDEFAULTMEMBERSHIP: 'UserQueueDefaultMembership'; USERSQUEUEDEFAULTMEMBERSHIP: 'UsersQueueDefaultMembership' };
}

declare namespace SHOTGUN {
  function listen(topic: string, fn: (...args: any[]) => void): (...args: any[]) => void;
  function remove(topic: string, fn?: (...args: any[]) => void): void;
  function fire(topic: string, args?: unknown[]): number;
}
