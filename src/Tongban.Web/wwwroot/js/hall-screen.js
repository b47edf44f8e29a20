// The calling screen (/halls/{hall}/screen): follows the hall's server-sent events and redraws the latest calls and the
// waiting counts; with speech turned on, reads each new call aloud in Chinese. Without this script the page reloads itself.
(function () {
  'use strict';
  var screen = document.getElementById('screen');
  if (!screen || !window.EventSource) return;
  var english = screen.getAttribute('data-lang') === 'en';
  var calls = document.getElementById('screen-calls');
  var waiting = document.getElementById('screen-waiting');
  var empty = document.getElementById('screen-no-calls');
  var speechButton = document.getElementById('screen-speech');
  var speaking = false;
  var heard = null; // the calls already shown, so only new ones are spoken

  function cell(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    element.textContent = text;
    return element;
  }

  function key(call) { return call.number + '@' + call.window + '#' + call.calls; }

  function speak(call) {
    if (!speaking || !window.speechSynthesis) return;
    var utterance = new SpeechSynthesisUtterance(call.text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    window.speechSynthesis.speak(utterance);
  }

  function draw(state) {
    calls.replaceChildren.apply(calls, state.calls.map(function (call) {
      var item = document.createElement('li');
      item.append(cell('span', 'screen-number', call.number), ' ', cell('span', 'screen-text', english ? call.textEn : call.text), ' ', cell('time', 'screen-time', call.at));
      return item;
    }));
    if (empty) empty.hidden = state.calls.length > 0;
    waiting.replaceChildren.apply(waiting, state.categories.map(function (category) {
      var row = document.createElement('tr');
      row.append(cell('td', null, category.letter + ' ' + (english ? category.nameEn : category.name)), cell('td', null, String(category.waiting)));
      return row;
    }));
    var now = state.calls.map(key);
    if (heard !== null) state.calls.filter(function (call) { return heard.indexOf(key(call)) < 0; }).reverse().forEach(speak);
    heard = now;
  }

  if (speechButton && window.speechSynthesis) {
    speechButton.hidden = false;
    speechButton.addEventListener('click', function () {
      speaking = !speaking;
      speechButton.setAttribute('aria-pressed', String(speaking));
      speechButton.textContent = speaking
        ? (english ? 'Turn off spoken calls' : '关闭语音播报')
        : (english ? 'Turn on spoken calls' : '开启语音播报');
    });
  }

  var source = new EventSource(screen.getAttribute('data-events'));
  source.addEventListener('state', function (event) { draw(JSON.parse(event.data)); });
  screen.setAttribute('data-live', 'true');
})();
