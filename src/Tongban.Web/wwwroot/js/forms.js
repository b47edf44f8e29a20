// Progressive enhancement of application forms. Without this file every form still works: conditional fields stay
// visible and say in words when they apply, and a division is chosen from one list. With it:
//  - a field marked data-when="<name>" data-equals="<value>" shows only while the named field has that value;
//  - a <select data-division-picker> becomes cascading selects (city → county → township → village), fed by
//    GET /api/organization/divisions?parent=CODE; the original select stays the submitted field, kept in step.
(function () {
  'use strict';

  function valuesOf(form, name) {
    var values = [];
    form.querySelectorAll('[name="' + CSS.escape(name) + '"]').forEach(function (input) {
      if ((input.type === 'checkbox' || input.type === 'radio') && !input.checked) return;
      if (input.value) values.push(input.value);
    });
    return values;
  }

  function applyConditions(form) {
    // Razor writes data-* attributes even when empty: a field without a condition has data-when="".
    form.querySelectorAll('.field[data-when]:not([data-when=""])').forEach(function (field) {
      var shown = valuesOf(form, field.dataset.when).indexOf(field.dataset.equals) >= 0;
      field.hidden = !shown;
    });
  }

  function enhanceConditions(form) {
    if (!form.querySelector('.field[data-when]:not([data-when=""])')) return;
    form.addEventListener('change', function () { applyConditions(form); });
    applyConditions(form);
  }

  // The ancestors of a 12-digit division code (GB/T 2260 + 10114): province, city, county, township, village.
  function ancestors(code) {
    if (!/^\d{12}$/.test(code)) return [];
    return [code.slice(0, 2) + '0000000000', code.slice(0, 4) + '00000000', code.slice(0, 6) + '000000', code.slice(0, 9) + '000', code];
  }

  function children(parent) {
    var url = '/api/organization/divisions' + (parent ? '?parent=' + encodeURIComponent(parent) : '');
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (list) {
        var today = new Date().toISOString().slice(0, 10);
        return list.filter(function (d) { return !d.validTo || d.validTo > today; });
      })
      .catch(function () { return []; });
  }

  function enhanceDivision(original) {
    var levels = (original.dataset.levels || '').split('|');
    var choose = original.dataset.choose || '';
    var box = document.createElement('div');
    box.className = 'division-picker';
    box.setAttribute('role', 'group');
    var label = document.querySelector('label[for="' + CSS.escape(original.id) + '"]');
    if (label) { label.id = label.id || original.id + '-label'; box.setAttribute('aria-labelledby', label.id); }
    original.insertAdjacentElement('afterend', box);
    var selects = [];
    var wanted = ancestors(original.value);

    function setValue() {
      var chosen = selects.map(function (s) { return s.value; }).filter(Boolean);
      var code = chosen.length ? chosen[chosen.length - 1] : '';
      if (code && !original.querySelector('option[value="' + code + '"]')) original.add(new Option(code, code));
      original.value = code;
    }

    function level(index, parent) {
      selects.splice(index).forEach(function (s) { s.parentNode.remove(); });
      children(parent).then(function (list) {
        if (list.length === 0) return;
        // The province above the region's city has no choice to make: go straight to its one city.
        if (!parent && list.length === 1 && list[0].level === 1) { level(index, list[0].code); return; }
        // A label of its own (not wrapping the select), so the select's name is the level alone, not the level and
        // the chosen place.
        var wrap = document.createElement('div');
        wrap.className = 'division-level';
        var caption = document.createElement('label');
        caption.textContent = levels[selects.length] || '';
        var select = document.createElement('select');
        select.id = original.id + '-level-' + selects.length;
        caption.htmlFor = select.id;
        wrap.appendChild(caption);
        select.add(new Option(choose, ''));
        list.forEach(function (d) { select.add(new Option(d.name, d.code)); });
        // A level with one choice (the region's city) is preselected to save a step, but only a choice the person
        // made (or the value the form came with) becomes the field's value.
        var kept = list.filter(function (d) { return wanted.indexOf(d.code) >= 0; })[0];
        var preset = kept || (list.length === 1 ? list[0] : null);
        if (preset) select.value = preset.code;
        select.addEventListener('change', function () {
          wanted = [];
          setValue();
          if (select.value) level(selects.indexOf(select) + 1, select.value);
          else selects.splice(selects.indexOf(select) + 1).forEach(function (s) { s.parentNode.remove(); });
        });
        wrap.appendChild(select);
        box.appendChild(wrap);
        selects.push(select);
        if (kept) setValue();
        if (select.value && selects.length < 4) level(selects.length, select.value);
      });
    }

    original.hidden = true;
    original.setAttribute('aria-hidden', 'true');
    original.tabIndex = -1;
    if (label) label.htmlFor = '';
    level(0, null);
  }

  document.querySelectorAll('form').forEach(enhanceConditions);
  document.querySelectorAll('select[data-division-picker]').forEach(enhanceDivision);
})();
