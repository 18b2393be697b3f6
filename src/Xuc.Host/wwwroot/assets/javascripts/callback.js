/*
 * callback.js: Xuc's callback API (`Callback` of the xuc reference). Callback.init(Cti), then its methods; answers come
 * to the Cti handlers of Callback.MessageType. getCallbackLists also subscribes to callback events, and Cti sends it again
 * after a reconnection.
 */
(function (root) {
  'use strict';
  let cti = null;

  function send(command, args) {
    if (cti === null) { console.error('Callback: call Callback.init(Cti) first'); return false; }
    return cti.sendCallback(cti.WebsocketMessageFactory.createMessageFromArgs(command, args));
  }

  const Callback = {
    init: function (ctiObject) { cti = ctiObject; },
    getCallbackLists: function () { return send('getCallbackLists', {}); },
    findCallbackRequest: function (requestId, filters, offset, limit) {
      return send('findCallbackRequest', { id: requestId, request: { filters: filters, offset: offset, limit: limit } });
    },
    getCallbackPreferredPeriods: function () { return send('getCallbackPreferredPeriods', {}); },
    takeCallback: function (uuid) { return send('takeCallback', { uuid: uuid }); },
    releaseCallback: function (uuid) { return send('releaseCallback', { uuid: uuid }); },
    startCallback: function (uuid, number) { return send('startCallback', { uuid: uuid, number: number }); },
    /** status: NoAnswer, Answered, Fax or Callback (only Callback keeps it open); dueDate "YYYY-MM-DD" and periodUuid optional. */
    updateCallbackTicket: function (uuid, status, comment, dueDate, periodUuid) {
      return send('updateCallbackTicket', { uuid: uuid, status: status, comment: comment, dueDate: dueDate, periodUuid: periodUuid });
    },
    MessageType: {
      CALLBACKLISTS: 'CallbackLists',
      CALLBACKFINDRESPONSE: 'FindCallbackResponseWithId',
      CALLBACKTAKEN: 'CallbackTaken',
      CALLBACKRELEASED: 'CallbackReleased',
      CALLBACKSTARTED: 'CallbackStarted',
      CALLBACKCLOTURED: 'CallbackClotured',
      CALLBACKPREFERREDPERIODS: 'PreferredCallbackPeriodList',
      CALLBACKREQUESTUPDATED: 'CallbackRequestUpdated'
    },
    Statuses: ['NoAnswer', 'Answered', 'Fax', 'Callback']
  };

  root.Callback = Callback;
  if (typeof module === 'object' && module.exports) module.exports = Callback;
})(typeof globalThis !== 'undefined' ? globalThis : this);
