/*
 * membership.js: Xuc's default queue membership API (`Membership` of the xuc reference). Membership.init(Cti), then its
 * methods. userId is a user id, not an agent id; a membership is [{queueId, penalty}, ...].
 */
(function (root) {
  'use strict';
  let cti = null;

  function send(command, args) {
    if (cti === null) { console.error('Membership: call Membership.init(Cti) first'); return false; }
    return cti.sendCallback(cti.WebsocketMessageFactory.createMessageFromArgs(command, args));
  }

  const Membership = {
    init: function (ctiObject) { cti = ctiObject; },
    getUserDefaultMembership: function (userId) { return send('getUserDefaultMembership', { userId: userId }); },
    setUserDefaultMembership: function (userId, membership) {
      return send('setUserDefaultMembership', { userId: userId, membership: membership });
    },
    setUsersDefaultMembership: function (userIds, membership) {
      return send('setUsersDefaultMembership', { userIds: userIds, membership: membership });
    },
    applyUsersDefaultMembership: function (userIds) { return send('applyUsersDefaultMembership', { userIds: userIds }); },
    MessageType: {
      USERQUEUEDEFAULTMEMBERSHIP: 'UserQueueDefaultMembership',
      USERSQUEUEDEFAULTMEMBERSHIP: 'UsersQueueDefaultMembership'
    }
  };

  root.Membership = Membership;
  if (typeof module === 'object' && module.exports) module.exports = Membership;
})(typeof globalThis !== 'undefined' ? globalThis : this);
