// Filters, search and paging for the consistency report, offline and without any library.
// Every list item carries its filter tokens in data-k ("status:conflict review:open doc:a.txt"),
// so filtering never parses or builds HTML: it only toggles `hidden` (filtered out) and the
// `later` class (past the current page, still printed). The filter lives in the URL fragment
// (#status=conflict&doc=a.txt) so that a link can be shared; values are written in the
// fragment as plain text and encoded with encodeURIComponent to compare with the tokens.
(function () {
  "use strict";
  var PAGE = Number(document.body.getAttribute("data-page")) || 50;
  var DIMENSIONS = ["status", "review", "kind", "entity", "doc"];
  var state = emptyState();
  var lists = Array.prototype.map.call(document.querySelectorAll("[data-list]"), function (section) {
    return { section: section, items: null, limit: PAGE };
  });

  function emptyState() {
    return { status: "", review: "", kind: "", entity: "", doc: "", q: "" };
  }

  // Lowercase and fold the Arabic letters that spelling varies on, so a search finds
  // "احمد" in "أحمد" and ignores diacritics and tatweel.
  function fold(text) {
    return text.toLowerCase()
      .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
      .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
      .replace(/\u0629/g, "\u0647")
      .replace(/\u0649/g, "\u064A");
  }

  function itemsOf(list) {
    if (!list.items) {
      list.items = Array.prototype.map.call(list.section.querySelectorAll(".items > .item"), function (el) {
        var dims = {};
        (el.getAttribute("data-k") || "").split(" ").forEach(function (tok) {
          var at = tok.indexOf(":");
          if (at < 0) { return; }
          var dim = tok.slice(0, at);
          (dims[dim] = dims[dim] || {})[tok.slice(at + 1)] = true;
        });
        return { el: el, dims: dims, text: null };
      });
    }
    return list.items;
  }

  // A filter narrows each list on the dimensions its items carry: a status filter narrows the
  // fact lists and leaves the entity list whole.
  function matches(item, query) {
    for (var i = 0; i < DIMENSIONS.length; i++) {
      var dim = DIMENSIONS[i];
      var want = state[dim];
      if (want && item.dims[dim] && !item.dims[dim][want]) { return false; }
    }
    if (query) {
      if (item.text === null) { item.text = fold(item.el.textContent || ""); }
      if (item.text.indexOf(query) < 0) { return false; }
    }
    return true;
  }

  function active() {
    return DIMENSIONS.some(function (d) { return state[d]; }) || Boolean(state.q);
  }

  function render(list) {
    var query = fold(state.q.trim());
    var shown = 0;
    var total = 0;
    itemsOf(list).forEach(function (item) {
      var ok = matches(item, query);
      item.el.hidden = !ok;
      if (ok) {
        item.el.classList.toggle("later", total >= list.limit);
        if (total < list.limit) { shown++; }
        total++;
      }
    });
    var count = list.section.querySelector("[data-count]");
    if (count) {
      var all = itemsOf(list).length;
      count.textContent = total === all ? all.toLocaleString("en") : total.toLocaleString("en") + " of " + all.toLocaleString("en");
    }
    var none = list.section.querySelector("[data-none]");
    if (none) { none.hidden = total > 0; }
    var more = list.section.querySelector("[data-more]");
    if (more) {
      var left = total - shown;
      more.hidden = left <= 0;
      more.textContent = "Show " + Math.min(PAGE, left).toLocaleString("en") + " more (" + left.toLocaleString("en") + " left)";
    }
  }

  function renderAll() {
    lists.forEach(function (list) { list.limit = PAGE; render(list); });
    syncControls();
  }

  function syncControls() {
    document.querySelectorAll("button[data-filter]").forEach(function (chip) {
      var on = state[chip.getAttribute("data-filter")] === chip.getAttribute("data-value");
      chip.setAttribute("aria-pressed", on ? "true" : "false");
    });
    document.querySelectorAll("select[data-filter], input[data-filter]").forEach(function (control) {
      var value = state[control.getAttribute("data-filter")];
      if (control.tagName === "SELECT" && value && !control.querySelector('option[value="' + CSS.escape(value) + '"]')) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = decode(value);
        control.appendChild(option);
      }
      if (control.value !== value) { control.value = value; }
    });
    var clear = document.querySelector("[data-clear]");
    if (clear) { clear.hidden = !active(); }
  }

  function decode(value) {
    try { return decodeURIComponent(value); } catch (e) { return value; }
  }

  function readFragment() {
    var next = emptyState();
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    DIMENSIONS.forEach(function (dim) {
      var value = params.get(dim);
      if (value) { next[dim] = encodeURIComponent(value); }
    });
    next.q = params.get("q") || "";
    return next;
  }

  function writeFragment() {
    var params = new URLSearchParams();
    DIMENSIONS.forEach(function (dim) { if (state[dim]) { params.set(dim, decode(state[dim])); } });
    if (state.q) { params.set("q", state.q); }
    var hash = params.toString();
    if (hash !== location.hash.replace(/^#/, "")) {
      location.replace("#" + hash);
    }
  }

  function set(dim, value) {
    state[dim] = value;
    writeFragment();
    renderAll();
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) { return; }
    var chip = target.closest("button[data-filter]");
    if (chip) {
      var dim = chip.getAttribute("data-filter");
      var value = chip.getAttribute("data-value");
      set(dim, state[dim] === value ? "" : value);
      return;
    }
    var more = target.closest("[data-more]");
    if (more) {
      lists.forEach(function (list) {
        if (list.section.contains(more)) { list.limit += PAGE; render(list); }
      });
      return;
    }
    if (target.closest("[data-clear]")) {
      state = emptyState();
      writeFragment();
      renderAll();
    }
  });

  document.querySelectorAll("select[data-filter]").forEach(function (select) {
    select.addEventListener("change", function () { set(select.getAttribute("data-filter"), select.value); });
  });

  var timer = 0;
  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { set("q", input.value); }, 150);
    });
  });

  window.addEventListener("hashchange", function () {
    var next = readFragment();
    if (JSON.stringify(next) !== JSON.stringify(state)) {
      state = next;
      renderAll();
    }
  });

  // The page arrives with the first page of each list showing; work is only needed when the
  // link carries a filter.
  state = readFragment();
  if (active()) { renderAll(); }
})();
