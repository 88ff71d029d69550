// Live search results: Server-Sent Events from /jobs/ID/events, rendered as they arrive.
// No innerHTML anywhere: every value is set as text.
"use strict";
(function () {
  const root = document.getElementById("search");
  if (!root) {
    return;
  }
  const t = JSON.parse(document.getElementById("i18n").textContent);
  const resultsBody = document.querySelector("#results tbody");
  const peersBody = document.querySelector("#peers tbody");
  const statusLine = document.getElementById("search-status");
  const summary = document.getElementById("peers-summary");
  const errorBox = document.getElementById("search-error");
  const csrf = root.dataset.csrf;
  let rows = [];
  const peers = new Map();
  let finished = false;
  const SHOWN = 6;

  function cell(tr, text, className) {
    const td = document.createElement("td");
    td.textContent = text === null || text === undefined ? "" : String(text);
    if (className) {
      td.className = className;
    }
    tr.appendChild(td);
    return td;
  }

  // a cell stays readable: the first few skills, all of them on hover
  function skills(tr, list) {
    const all = list || [];
    const shown = all.slice(0, SHOWN).join(", ");
    const td = cell(tr, all.length > SHOWN ? shown + " … (+" + (all.length - SHOWN) + ")" : shown);
    td.title = all.join(", ");
    return td;
  }

  function input(form, type, name, value) {
    const el = document.createElement("input");
    el.type = type;
    el.name = name;
    if (value !== undefined) {
      el.value = value;
    }
    form.appendChild(el);
    return el;
  }

  function introForm(resultId) {
    const form = document.createElement("form");
    form.method = "post";
    form.action = "/introduce";
    form.className = "intro";
    input(form, "hidden", "csrf", csrf);
    input(form, "hidden", "result_id", resultId);
    const message = input(form, "text", "message");
    message.maxLength = 2000;
    message.placeholder = t.message_optional;
    message.setAttribute("aria-label", t.message_optional);
    const button = document.createElement("button");
    button.type = "submit";
    button.textContent = t.request_intro;
    form.appendChild(button);
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      button.disabled = true;
      const note = document.createElement("span");
      try {
        const response = await fetch("/introduce", {
          method: "POST",
          headers: { Accept: "application/json" },
          body: new URLSearchParams(new FormData(form)),
          credentials: "same-origin",
        });
        const answer = await response.json();
        if (response.ok) {
          note.className = "ok intro-done";
          note.textContent = t.intro_requested + ": " + answer.id + " (" + t.answer_by + " " +
            String(answer.respond_by || "").slice(0, 10) + ")";
          form.replaceWith(note);
          return;
        }
        note.textContent = t.intro_failed + ": " + answer.error + (answer.hint ? " (" + answer.hint + ")" : "");
      } catch (err) {
        note.textContent = t.intro_failed + ": " + t.stream_lost;
      }
      note.className = "error intro-failed";
      button.disabled = false;
      form.parentNode.querySelectorAll(".intro-failed").forEach(function (old) { old.remove(); });
      form.after(note);
    });
    return form;
  }

  function renderRows(final) {
    rows.sort(function (a, b) {
      return b.score - a.score || a.node.localeCompare(b.node) || a.pseudonym.localeCompare(b.pseudonym);
    });
    resultsBody.replaceChildren();
    if (final && rows.length === 0) {
      const tr = document.createElement("tr");
      const td = cell(tr, t.no_results);
      td.colSpan = 10;
      resultsBody.appendChild(tr);
      return;
    }
    rows.forEach(function (r, i) {
      const tr = document.createElement("tr");
      tr.className = r.result_id ? "remote" : "local";
      tr.dataset.node = r.node;
      if (r.result_id) {
        tr.dataset.result = r.result_id;
      }
      cell(tr, i + 1);
      cell(tr, r.node, "node");
      cell(tr, r.result_id || t.own_pool, "result");
      cell(tr, r.score, "score");
      skills(tr, r.matched);
      skills(tr, r.missing_essential);
      cell(tr, r.region || "–");
      cell(tr, r.experience || "–");
      cell(tr, r.availability ? t["avail_" + r.availability] || r.availability : "–");
      const action = cell(tr, "");
      if (final && r.result_id) {
        action.appendChild(introForm(r.result_id));
      }
      resultsBody.appendChild(tr);
    });
  }

  function renderPeers(list) {
    peersBody.replaceChildren();
    list.forEach(function (p) {
      const tr = document.createElement("tr");
      tr.dataset.node = p.name;
      tr.dataset.status = p.status;
      cell(tr, p.name, "node");
      let status = t["peer_" + p.status] || p.status;
      if (p.from_cache) {
        status += " (" + t.from_cache + ")";
      }
      cell(tr, status, "status");
      cell(tr, p.results);
      cell(tr, p.rtt_ms === null || p.rtt_ms === undefined ? "" : p.rtt_ms);
      const why = cell(tr, p.reason || "", "reason");
      if (p.reason) {
        why.lang = "en"; // the node's own words: the status column says it in this language
      }
      peersBody.appendChild(tr);
    });
    const answered = list.filter(function (p) { return p.status === "answered"; }).length;
    summary.textContent = list.length === 0 && finished ? t.no_peers :
      t.peers_answered.replace("{answered}", answered).replace("{total}", list.length);
  }

  function fail(message, hint) {
    finished = true;
    root.dataset.state = "failed";
    statusLine.textContent = t.search_failed;
    errorBox.textContent = t.error + ": " + message + (hint ? " — " + t.hint + ": " + hint : "");
    errorBox.hidden = false;
  }

  const source = new EventSource(root.dataset.stream);
  source.addEventListener("local", function (event) {
    rows = rows.concat(JSON.parse(event.data).results);
    renderRows(false);
    statusLine.textContent = t.search_running + " (" + rows.length + " " + t.results + ")";
  });
  source.addEventListener("peer", function (event) {
    const part = JSON.parse(event.data);
    peers.set(part.peer.node_id, part.peer);
    rows = rows.concat(part.results);
    renderRows(false);
    renderPeers(Array.from(peers.values()));
    statusLine.textContent = t.search_running + " (" + rows.length + " " + t.results + ")";
  });
  source.addEventListener("done", function (event) {
    source.close();
    finished = true;
    const answer = JSON.parse(event.data);
    rows = answer.results;
    renderRows(true);
    renderPeers(answer.peers);
    statusLine.textContent = t.search_done + ": " + rows.length + " " + t.results;
    root.dataset.state = "done";
  });
  source.addEventListener("failed", function (event) {
    source.close();
    const problem = JSON.parse(event.data);
    fail(problem.message, problem.hint);
  });
  source.addEventListener("error", function () {
    if (!finished) {
      source.close();
      fail(t.stream_lost, "");
    }
  });
})();
