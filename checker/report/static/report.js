/* checker report: filtering, sorting, keyboard shortcuts and the highlight inspector.
   Every page is complete without this script; it only reads the DOM (never parses HTML from
   strings) and keeps the findings filters in the URL. No network access. */
(function () {
  "use strict";

  var doc = document;
  doc.documentElement.classList.add("js");

  function $(selector, scope) { return (scope || doc).querySelector(selector); }
  function $all(selector, scope) { return Array.prototype.slice.call((scope || doc).querySelectorAll(selector)); }
  function el(tag, className, text) {
    var node = doc.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function isTyping(target) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName.toUpperCase();
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
  }
  function isShown(node) {
    return !node.closest("[hidden]") && node.getClientRects().length > 0;
  }

  /* ---- keyboard help ---------------------------------------------------------------------- */

  var help = $("#help");
  var helpButtons = $all("[data-help-toggle]");
  var helpReturn = null;
  helpButtons.forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { toggleHelp(); });
  });
  if (help) { help.setAttribute("tabindex", "-1"); }

  function toggleHelp(force) {
    if (!help) { return; }
    var open = force === undefined ? help.hidden : force;
    if (open === !help.hidden) { return; }
    help.hidden = !open;
    helpButtons.forEach(function (button) {
      if (button.hasAttribute("aria-expanded")) { button.setAttribute("aria-expanded", String(open)); }
    });
    if (open) {
      helpReturn = doc.activeElement;
      help.focus();
    } else if (helpReturn && helpReturn.focus && doc.contains(helpReturn)) {
      helpReturn.focus();
    }
  }

  /* ---- j / k: the next and previous finding ----------------------------------------------- */

  function navItems() { return $all("[data-nav]").filter(isShown); }

  function move(step) {
    var items = navItems();
    if (!items.length) { return; }
    var active = doc.activeElement;
    var at = -1;
    items.forEach(function (item, i) {
      if (item === active || item.contains(active) || item.classList.contains("current")) { at = i; }
    });
    var next = at < 0 ? (step > 0 ? 0 : items.length - 1) : Math.min(Math.max(at + step, 0), items.length - 1);
    $all(".current").forEach(function (node) { node.classList.remove("current"); });
    var target = items[next];
    target.classList.add("current");
    if (!target.hasAttribute("tabindex") && !target.matches("a[href], button, input, select")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center", inline: "center" });
  }

  doc.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "Escape") {
      if (help && !help.hidden) { toggleHelp(false); event.preventDefault(); return; }
      if (inspector && !inspector.hidden) { hideInspector(true); event.preventDefault(); }
      return;
    }
    if (isTyping(event.target)) { return; }
    if (event.key === "j") { move(1); event.preventDefault(); }
    else if (event.key === "k") { move(-1); event.preventDefault(); }
    else if (event.key === "/") {
      var search = $("#q");
      if (search) { event.preventDefault(); search.focus(); search.select(); }
    } else if (event.key === "?") { event.preventDefault(); toggleHelp(); }
    else if (event.key === "[" || event.key === "]") {
      var link = $("a[rel='" + (event.key === "[" ? "prev" : "next") + "']");
      if (link) { event.preventDefault(); location.href = link.href; }
    }
  });

  /* ---- the inspector: what a highlight means ---------------------------------------------- */

  var inspector = $("#inspector");
  var activeMark = null;

  function rolesOf(mark, finding) {
    var roles = [];
    (mark.getAttribute("data-ev") || "").split(" ").forEach(function (entry) {
      var parts = entry.split(":");
      if (parts.length === 2 && parts[0].lastIndexOf(finding + "-", 0) === 0 && roles.indexOf(parts[1]) < 0) {
        roles.push(parts[1]);
      }
    });
    return roles;
  }

  function showInspector(mark) {
    if (!inspector) { return; }
    if (activeMark) { activeMark.classList.remove("active"); }
    activeMark = mark;
    mark.classList.add("active");
    inspector.textContent = "";
    var close = el("button", "close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Close finding details");
    close.addEventListener("click", function () { hideInspector(true); });
    inspector.appendChild(close);
    var words = el("p", "insp-words");
    var marked = $("mark", mark);
    words.appendChild(el("strong", null, "“" + (marked ? marked.textContent : "") + "”"));
    inspector.appendChild(words);
    (mark.getAttribute("data-findings") || "").split(" ").forEach(function (id) {
      var card = id && doc.getElementById("f-" + id);
      if (!card) { return; }
      var rule = card.getAttribute("data-rule") || "";
      var item = el("div", "insp-item");
      var head = el("h2");
      var severity = $(".sev", card);
      if (severity) { head.appendChild(severity.cloneNode(true)); }
      var ruleLink = $("a.rule", card);
      if (ruleLink) { head.appendChild(ruleLink.cloneNode(true)); }
      var roles = rolesOf(mark, id);
      head.appendChild(el("span", "insp-role role-" + (roles[0] || "flagged"),
        roles.map(function (r) { return r === "flagged" ? "✗ flagged here" : "≈ reference here"; }).join(", ")));
      item.appendChild(head);
      var message = $(".finding-message", card);
      item.appendChild(el("p", "insp-message", message ? message.textContent : ""));
      var explanation = doc.getElementById("rule-" + rule);
      var docText = explanation && $(".rule-doc", explanation);
      if (docText) {
        var box = el("div", "insp-doc");
        box.appendChild(el("p", "insp-doc-title", "What " + rule + " checks:"));
        $all("p", docText).forEach(function (para) { box.appendChild(para.cloneNode(true)); });
        item.appendChild(box);
      }
      var links = el("p", "insp-links");
      var goto = el("a", null, "Go to the finding");
      goto.setAttribute("href", "#f-" + id);
      links.appendChild(goto);
      item.appendChild(links);
      inspector.appendChild(item);
    });
    inspector.hidden = false;
    placeInspector(mark);
  }

  function placeInspector(mark) {
    var rect = mark.getBoundingClientRect();
    var pageWidth = doc.documentElement.clientWidth;
    var width = inspector.offsetWidth;
    var left = Math.max(8, Math.min(rect.left, pageWidth - width - 8)) + window.pageXOffset;
    inspector.style.left = left + "px";
    inspector.style.top = (rect.bottom + window.pageYOffset + 8) + "px";
  }

  function hideInspector(refocus) {
    if (!inspector) { return; }
    inspector.hidden = true;
    if (activeMark) {
      activeMark.classList.remove("active");
      if (refocus) { activeMark.focus(); }
    }
    activeMark = null;
  }

  if (inspector) {
    doc.addEventListener("focusin", function (event) {
      var mark = event.target.closest && event.target.closest("a.hl");
      if (mark) { showInspector(mark); }
    });
    doc.addEventListener("click", function (event) {
      var mark = event.target.closest && event.target.closest("a.hl");
      if (mark) {
        event.preventDefault();
        if (doc.activeElement !== mark) { mark.focus(); }
        showInspector(mark);
      } else if (!inspector.contains(event.target)) {
        hideInspector(false);
      }
    });
    inspector.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href^='#f-']");
      if (link) { hideInspector(false); }
    });
  }

  function followHash() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (!hash || hash.indexOf("=") >= 0) { return; }
    var target = doc.getElementById(hash);
    if (!target) { return; }
    if (target.classList.contains("anchor")) {
      var mark = target.nextElementSibling;
      while (mark && !mark.classList.contains("hl")) { mark = mark.nextElementSibling; }
      if (mark) { mark.focus({ preventScroll: true }); mark.scrollIntoView({ block: "center", inline: "center" }); }
    } else if (target.hasAttribute("data-nav")) {
      target.classList.add("current");
      target.focus({ preventScroll: true });
    }
  }
  window.addEventListener("hashchange", followHash);

  /* ---- the findings table: filter, search, sort; state in the URL -------------------------- */

  var form = $("#filters");
  var table = $("#findings");
  var FILTERS = ["severity", "category", "outlet", "story", "review", "rule"];
  var DEFAULT_DIR = { severity: "desc" };

  if (form) {
    var search = $("#q", form);
    var status = $("#shown");
    var noneShown = $("#none-shown");
    var reset = $("#f-reset");
    var rows = table ? $all("tbody tr", table) : [];
    var texts = rows.map(function (row) { return row.textContent.toLowerCase().replace(/\s+/g, " "); });
    var state = { sort: "", dir: "" };

    var readParams = function () {
      var query = location.search.slice(1);
      if (!query && location.hash.indexOf("=") > 0) { query = location.hash.slice(1); }
      return new URLSearchParams(query);
    };

    var setFromParams = function (params) {
      if (search) { search.value = params.get("q") || ""; }
      FILTERS.forEach(function (name) {
        var select = form.elements.namedItem(name);
        if (!select) { return; }
        var wanted = params.get(name) || "";
        var known = $all("option", select).some(function (option) { return option.value === wanted; });
        select.value = known ? wanted : "";
      });
      var sort = params.get("sort") || "";
      state.sort = table && $("th[data-sort='" + sort.replace(/[^a-z]/g, "") + "']", table) ? sort : "";
      state.dir = params.get("dir") === "desc" ? "desc" : (state.sort ? "asc" : "");
    };

    var currentParams = function () {
      var params = new URLSearchParams();
      if (search && search.value.trim()) { params.set("q", search.value.trim()); }
      FILTERS.forEach(function (name) {
        var select = form.elements.namedItem(name);
        if (select && select.value) { params.set(name, select.value); }
      });
      if (state.sort) { params.set("sort", state.sort); params.set("dir", state.dir); }
      return params;
    };

    var writeURL = function () {
      var query = currentParams().toString();
      var url = location.pathname + (query ? "?" + query : "");
      try {
        history.replaceState(null, "", url);
      } catch (error) {
        location.replace("#" + query);  /* browsers that refuse to change a file:// query */
      }
    };

    var matches = function (row, index, params) {
      for (var i = 0; i < FILTERS.length; i++) {
        var name = FILTERS[i];
        var wanted = params.get(name);
        if (!wanted) { continue; }
        if (name === "outlet") {
          if ((row.getAttribute("data-outlets") || "").split(" ").indexOf(wanted) < 0) { return false; }
        } else if (row.getAttribute("data-" + name) !== wanted) {
          return false;
        }
      }
      var words = (params.get("q") || "").toLowerCase().split(/\s+/).filter(Boolean);
      return words.every(function (word) { return texts[index].indexOf(word) >= 0; });
    };

    var sortKey = function (row, key) {
      if (key === "severity") { return Number(row.getAttribute("data-rank")); }
      if (key === "rule" || key === "category") { return row.getAttribute("data-" + key) || ""; }
      var cell = $(".k-" + key, row);
      var node = key === "message" && cell ? $(".finding-message", cell) : cell;
      return node ? node.textContent.trim().toLowerCase() : "";
    };

    var sortRows = function () {
      if (!table) { return; }
      $all("th[data-sort]", table).forEach(function (th) {
        th.setAttribute("aria-sort", th.getAttribute("data-sort") === state.sort
          ? (state.dir === "desc" ? "descending" : "ascending") : "none");
      });
      var order = rows.slice();
      var key = state.sort;
      var sign = state.dir === "desc" ? -1 : 1;
      order.sort(function (a, b) {
        if (key) {
          var x = sortKey(a, key);
          var y = sortKey(b, key);
          var c = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
          if (c !== 0) { return sign * c; }
        }
        return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
      });
      var body = table.tBodies[0];
      order.forEach(function (row) { body.appendChild(row); });
    };

    var apply = function (updateURL) {
      var params = currentParams();
      var shown = 0;
      rows.forEach(function (row, index) {
        var ok = matches(row, index, params);
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      sortRows();
      if (status) {
        status.textContent = shown === rows.length
          ? rows.length + (rows.length === 1 ? " finding" : " findings")
          : shown + " of " + rows.length + " findings shown";
      }
      if (noneShown) { noneShown.hidden = shown > 0 || rows.length === 0; }
      if (reset) { reset.hidden = params.toString() === ""; }
      if (updateURL) { writeURL(); }
    };

    var timer = null;
    if (search) {
      search.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { apply(true); }, 120);
      });
    }
    FILTERS.forEach(function (name) {
      var select = form.elements.namedItem(name);
      if (select) { select.addEventListener("change", function () { apply(true); }); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); apply(true); });
    form.addEventListener("reset", function () {
      state.sort = "";
      state.dir = "";
      setTimeout(function () { apply(true); }, 0);
    });
    if (table) {
      $all("th[data-sort] button", table).forEach(function (button) {
        button.addEventListener("click", function () {
          var key = button.parentNode.getAttribute("data-sort");
          if (state.sort === key) {
            state.dir = state.dir === "asc" ? "desc" : "asc";
          } else {
            state.sort = key;
            state.dir = DEFAULT_DIR[key] || "asc";
          }
          apply(true);
        });
      });
    }
    setFromParams(readParams());
    apply(false);
  }

  /* ---- printing: open every <details> so nothing is left out ------------------------------ */

  var reopened = [];
  window.addEventListener("beforeprint", function () {
    reopened = $all("details:not([open])");
    reopened.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    reopened.forEach(function (details) { details.open = false; });
    reopened = [];
  });

  /* after the browser's own jump to the fragment, which would otherwise take the focus back */
  window.addEventListener("load", function () { setTimeout(followHash, 0); });
})();
