/*
 * shotgun.js: the small publish/subscribe helper Xuc's cti.js falls back to when jQuery is not loaded.
 * SHOTGUN.listen(topic, fn), SHOTGUN.remove(topic[, fn]), SHOTGUN.fire(topic, args).
 * remove(topic) without a function drops that topic's listeners and those of every topic below it ("cti" drops "cti/...").
 */
(function (root) {
  'use strict';
  var topics = Object.create(null);

  var SHOTGUN = {
    listen: function (topic, fn) {
      if (typeof fn !== 'function') throw new TypeError('SHOTGUN.listen: a function is required for ' + topic);
      var list = topics[topic] || (topics[topic] = []);
      if (list.indexOf(fn) < 0) list.push(fn);
      return fn;
    },
    remove: function (topic, fn) {
      if (fn === undefined) {
        Object.keys(topics).forEach(function (t) {
          if (t === topic || t.indexOf(topic + '/') === 0) delete topics[t];
        });
        return;
      }
      var list = topics[topic];
      if (!list) return;
      var i = list.indexOf(fn);
      if (i >= 0) list.splice(i, 1);
    },
    fire: function (topic, args) {
      var list = topics[topic];
      if (!list) return 0;
      list.slice().forEach(function (fn) { fn.apply(null, args || []); });
      return list.length;
    },
    topics: function () { return Object.keys(topics); }
  };

  root.SHOTGUN = SHOTGUN;
  if (typeof module === 'object' && module.exports) module.exports = SHOTGUN;
})(typeof globalThis !== 'undefined' ? globalThis : this);
