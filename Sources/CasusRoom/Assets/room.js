// casus room: the facilitator's pages. One file, served by the room; no inline script.
// Everything from the room is put on the page as text (textContent), never as HTML.
"use strict";
(function () {
  const body = document.body;
  const base = body.dataset.base;
  const labels = JSON.parse(document.getElementById("labels").textContent);
  const page = body.dataset.page;
  let overview = null;
  let receivedAt = 0;

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function clock(seconds) {
    const s = Math.abs(Math.round(seconds));
    return (seconds < 0 ? "-" : "") + Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function fill(template, value) { return template.replace("{t}", String(value)); }

  function ago(seconds) {
    if (seconds < 90) return fill(labels.secondsAgo, Math.round(seconds));
    return fill(labels.minutesAgo, Math.round(seconds / 60));
  }

  function duration(seconds) {
    if (seconds < 90) return fill(labels.seconds, Math.round(seconds));
    return fill(labels.minutes, Math.round(seconds / 60));
  }

  function post(path, value) {
    return fetch(base + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(value) });
  }

  // The live line in the bar and the event stream every page listens to.
  function listen(onOverview) {
    const live = document.getElementById("live");
    const source = new EventSource(base + "/events");
    source.onmessage = function (event) {
      overview = JSON.parse(event.data);
      receivedAt = Date.now() / 1000;
      live.hidden = false;
      live.className = "live";
      live.textContent = "● " + labels.live;
      onOverview(overview);
    };
    source.onerror = function () {
      live.hidden = false;
      live.className = "live offline";
      live.textContent = "○ " + labels.offline;
    };
  }

  // Overview ---------------------------------------------------------------------------------
  function renderOverview() {
    if (!overview) return;
    const elapsed = Date.now() / 1000 - receivedAt;
    const tbody = document.querySelector("#groups tbody");
    document.getElementById("empty").hidden = overview.rows.length > 0;
    document.getElementById("groups").hidden = overview.rows.length === 0;
    const focused = document.activeElement && document.activeElement.tagName === "SELECT";
    if (focused) return; // do not pull a topic list away while it is open
    const rows = overview.rows.map(function (row) {
      const tr = el("tr");
      tr.dataset.session = row.session;
      if (row.quiet) tr.className = "quiet";
      function cell(label, content, className) {
        const td = el("td", null, className);
        td.dataset.label = label;
        if (content instanceof Node) td.appendChild(content); else td.textContent = content;
        tr.appendChild(td);
        return td;
      }
      const headers = Array.from(document.querySelectorAll("#groups thead th")).map(function (th) { return th.textContent; });
      const name = cell(headers[0], row.group === null || row.group === undefined ? labels.noSetup : row.group, "name");
      if (row.quiet) name.appendChild(el("span", fill(labels.quiet, duration(row.silentFor + elapsed)), "mark"));
      cell(headers[1], row.scenario);
      if (row.finished) cell(headers[2], "–");
      else if (row.step === null || row.step === undefined) cell(headers[2], labels.notStarted);
      else cell(headers[2], row.step + "/" + row.steps + " " + row.stepTitle);
      if (row.remaining === null || row.remaining === undefined || row.finished) cell(headers[3], "–", "num");
      else {
        const left = row.remaining - elapsed;
        cell(headers[3], left < 0 ? clock(left) + " (" + labels.over + ")" : clock(left), left < 0 ? "num over" : "num");
      }
      cell(headers[4], row.answers, "num answers");
      cell(headers[5], row.lastRecord ? ago(overview.now + elapsed - row.lastRecord) : "–");
      cell(headers[6], row.finished ? labels.yes : labels.no, row.finished ? "done" : "");
      if (row.hasTopics) {
        const select = el("select");
        select.setAttribute("aria-label", labels.changeTopic + " " + (row.group || labels.noSetup));
        overview.topics.forEach(function (topic) {
          const option = el("option", topic.number + ". " + topic.name);
          option.value = String(topic.number);
          if (topic.number === row.topic) option.selected = true;
          select.appendChild(option);
        });
        select.addEventListener("change", function () {
          post("/groups/" + encodeURIComponent(row.session) + "/topic", { topic: Number(select.value) });
          select.blur();
        });
        cell(headers[7], select);
      } else {
        cell(headers[7], "–");
      }
      return tr;
    });
    tbody.replaceChildren.apply(tbody, rows);
    const list = document.getElementById("messages");
    list.replaceChildren.apply(list, overview.messages.slice(-5).map(function (m) { return el("li", labels.sent + ": " + m.text); }));
  }

  function startOverview() {
    listen(renderOverview);
    setInterval(renderOverview, 1000);
    document.getElementById("message-form").addEventListener("submit", function (event) {
      event.preventDefault();
      const input = document.getElementById("message");
      const text = input.value.trim();
      if (text) post("/messages", { text: text });
    });
  }

  // Plenary ----------------------------------------------------------------------------------
  function startPlenary() {
    const params = new URLSearchParams(location.search);
    let current = params.get("groep");
    let shownRevision = -1;
    const frame = document.getElementById("sheet");
    function show() {
      if (!overview) return;
      const rows = overview.rows;
      document.getElementById("empty").hidden = rows.length > 0;
      frame.hidden = rows.length === 0;
      if (rows.length === 0) return;
      let index = rows.findIndex(function (r) { return r.session === current; });
      if (index < 0) { index = 0; current = rows[0].session; }
      const row = rows[index];
      document.getElementById("group-name").textContent = row.group || labels.noSetup;
      document.getElementById("position").textContent = labels.group + " " + (index + 1) + "/" + rows.length;
      document.getElementById("previous").disabled = index === 0;
      document.getElementById("next").disabled = index === rows.length - 1;
      const src = base + "/groups/" + encodeURIComponent(row.session) + "/sheet.html";
      if (frame.dataset.session !== row.session || shownRevision !== overview.revision) {
        frame.dataset.session = row.session;
        shownRevision = overview.revision;
        frame.src = src;
      }
      history.replaceState(null, "", "?groep=" + encodeURIComponent(row.session));
    }
    function move(step) {
      if (!overview) return;
      const rows = overview.rows;
      const index = rows.findIndex(function (r) { return r.session === current; });
      const target = rows[Math.min(rows.length - 1, Math.max(0, index + step))];
      if (target && target.session !== current) { current = target.session; resetClock(); show(); }
    }
    document.getElementById("previous").addEventListener("click", function () { move(-1); });
    document.getElementById("next").addEventListener("click", function () { move(1); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "ArrowRight" || event.key === "PageDown") move(1);
      if (event.key === "ArrowLeft" || event.key === "PageUp") move(-1);
    });
    // The three-minute presentation clock.
    const display = document.getElementById("clock");
    const total = Number(display.dataset.seconds);
    const startButton = document.getElementById("clock-start");
    let left = total, running = null;
    function draw() {
      display.textContent = clock(left);
      display.className = left <= 30 ? "time ending" : "time";
    }
    function resetClock() {
      if (running) clearInterval(running);
      running = null; left = total; startButton.textContent = labels.start; draw();
    }
    startButton.addEventListener("click", function () {
      if (running) { clearInterval(running); running = null; startButton.textContent = labels.start; return; }
      startButton.textContent = labels.pause;
      running = setInterval(function () { left -= 1; draw(); }, 1000);
    });
    document.getElementById("clock-reset").addEventListener("click", resetClock);
    draw();
    listen(show);
  }

  // Report -----------------------------------------------------------------------------------
  function startReport() {
    const frame = document.getElementById("report");
    let shown = null;
    listen(function (o) {
      if (shown !== null && shown !== o.revision) frame.src = base + "/report.html?r=" + o.revision;
      shown = o.revision;
    });
  }

  if (page === "overview") startOverview();
  if (page === "plenary") startPlenary();
  if (page === "report") startReport();
})();
