// kg's explorer: a working set of nodes drawn with vis-network, grown from a question.
// A small graph opens whole; a corpus opens on its most connected entities. Every text
// goes on screen through textContent (el() below), never as HTML. Served by kg serve
// (data.served), the page holds the overview only and fetches a node's facts from its
// server (/neighbourhood, /suggest) when the user searches for, opens or expands it.
(function () {
  "use strict";
  const data = unpack(JSON.parse(document.getElementById("kg-data").textContent));
  function unpack(raw) {  // rows of values (html.py's pack) -> objects with keys
    const P = raw.packed;
    const record = (keys, row) => { const o = {}; keys.forEach((k, i) => { o[k] = row[i]; }); return o; };
    const facts = P.facts.map((row) => {
      const f = record(P.fact_keys, row);
      const article = P.articles[f.document]; f.document = article[0]; f.title = article[1];
      f.negated = !!f.negated; f.former = !!f.former;
      return f;
    });
    const nodes = P.nodes.map((row) => {
      const n = record(P.node_keys, row); const style = raw.styles[n.group] || raw.styles.Entity;
      n.color = style[0]; n.shape = style[1]; if (n.qid === null) delete n.qid;
      return n;
    });
    const edges = P.edges.map(([a, b, dashes, ids]) => {
      const neg = facts[ids[0]].negated;
      return {id: "e" + ids[0], from: nodes[a].id, to: nodes[b].id, dashes: !!dashes, fact: ids[0], facts: ids,
        color: neg ? "#d62728" : "#7f7f7f", width: neg ? 2 : 1};
    });
    return Object.assign({}, raw, {nodes: nodes, edges: edges, facts: facts});
  }
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  };
  const EXPAND_MAX = 100;  // neighbours added at once; more by relation, from the panel
  const TABLE_MAX = 100;  // rows drawn; the CSV has them all
  const PANEL_MAX = 20;
  const LABEL_ALL = 60;  // edges drawn at most to label every one  // facts listed in the side panel; the table below has them all

  // ---- indexes over the embedded graph ----
  const byId = {}, edgeById = {}, edgesOf = {}, factEdge = {}, edgeByKey = new Map();
  const edgeKey = (from, to, f) => from + " " + to + " " + f.predicate + " " + f.negated;
  data.nodes.forEach((n) => { byId[n.id] = n; edgesOf[n.id] = []; });
  data.edges.forEach((e) => {
    edgeById[e.id] = e; edgesOf[e.from].push(e); edgeByKey.set(edgeKey(e.from, e.to, data.facts[e.fact]), e);
    if (e.to !== e.from) edgesOf[e.to].push(e);
    e.facts.forEach((i) => { factEdge[i] = e.id; });
  });
  const other = (e, id) => (e.from === id ? e.to : e.from);

  // ---- served: neighbourhoods fetched from the server and added to what the page holds ----
  const remote = !!data.served;
  const loaded = new Set();  // nodes whose every fact the page holds (served page)
  const factIndex = new Map((data.statements || []).map((st, i) => [st, i]));
  const pending = new Map();
  function ensure(id) {  // a promise of true once the node's facts are here
    if (!remote || loaded.has(id)) return Promise.resolve(true);
    if (!pending.has(id)) {
      const ask = (tries) => fetch("neighbourhood?iri=" + encodeURIComponent(id), {headers: {Accept: "application/json"}})
        .then((r) => {  // 429, 503: this client's two queries running, or the server busy: again, later
          if ((r.status === 429 || r.status === 503) && tries) return new Promise((ok) => setTimeout(ok, 1000)).then(() => ask(tries - 1));
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        });
      pending.set(id, ask(2)
        .then((raw) => { merge(raw); loaded.add(id); pending.delete(id); return true; })
        .catch((err) => { pending.delete(id); $("note").textContent = "Could not fetch the neighbourhood: " + err.message; return false; }));
    }
    return pending.get(id);
  }
  function when(id, fn) {  // fn now if the node's facts are here, else once fetched
    if (!remote || loaded.has(id)) { fn(); return; }
    ensure(id).then((ok) => { if (ok) fn(); });
  }
  function merge(raw) {  // a neighbourhood (html.py's neighbourhood_data) into the page's graph
    const frag = unpack(raw);
    const at = frag.facts.map((f, k) => {
      let i = factIndex.get(raw.statements[k]);
      if (i === undefined) { i = data.facts.length; data.facts.push(f); factIndex.set(raw.statements[k], i); }
      return i;
    });
    frag.nodes.forEach((n) => {
      n.facts = n.facts.map((k) => at[k]);
      n.sections.forEach((s) => s.rows.forEach((r) => { r.facts = r.facts.map((k) => at[k]); }));
      const old = byId[n.id];
      if (!old) { byId[n.id] = n; data.nodes.push(n); edgesOf[n.id] = []; addNames(n); return; }
      const have = new Set(old.facts);
      n.facts.forEach((i) => { if (!have.has(i)) old.facts.push(i); });
      old.facts.sort((a, b) => a - b);
      if (n.sections.length) old.sections = n.sections;
    });
    frag.edges.forEach((e) => addEdge(e.from, e.to, e.facts.map((k) => at[k])));
  }
  function addEdge(from, to, ids) {
    const f = data.facts[ids[0]], key = edgeKey(from, to, f);
    let e = edgeByKey.get(key);
    if (e) { const have = new Set(e.facts); ids.forEach((i) => { if (!have.has(i)) e.facts.push(i); }); }
    else {
      e = {id: "e" + ids[0], from: from, to: to, fact: ids[0], facts: ids.slice(), color: f.negated ? "#d62728" : "#7f7f7f", width: f.negated ? 2 : 1};
      edgeById[e.id] = e; edgeByKey.set(key, e); edgesOf[from].push(e);
      if (to !== from) edgesOf[to].push(e);
    }
    e.facts.forEach((i) => { factEdge[i] = e.id; });
    e.dashes = f.negated || e.facts.every((i) => data.facts[i].modality !== "asserted");
  }

  // ---- state: what is drawn, what is selected, how to go back ----
  const state = {
    shown: new Set(data.opening),
    hiddenTypes: new Set(data.overview ? ["Concept"] : []),
    addedBy: new Map(),  // node -> the node whose expansion added it
    pinned: new Set(),  // asked for by name (search, path): drawn whatever its type
    selected: null,  // {kind: "node"|"edge"|"path"|"fact", ...}
    sort: {key: null, dir: 1},
  };
  const history = [];

  const nodes = new vis.DataSet([]);
  const edges = new vis.DataSet([]);
  const options = {
    interaction: {hover: true, tooltipDelay: 150, hideEdgesOnDrag: data.overview},
    nodes: {font: {size: 14}},
    edges: {smooth: data.overview ? false : {type: "dynamic"}, arrows: "to", font: {size: 10, align: "middle"}},
    layout: {improvedLayout: !data.overview, randomSeed: 7},
    physics: {solver: "forceAtlas2Based", stabilization: {iterations: 300}},
  };
  let network = null;  // made once the opening view is in the DataSets (below)
  window.kgData = data;

  // ---- filters ----
  function readFilters() {
    const v = {rel: $("f-rel").value, pol: $("f-pol").value, mod: $("f-mod").value,
      doc: $("f-doc").value, from: $("f-from").value.trim(), to: $("f-to").value.trim()};
    v.active = !!(v.rel || v.pol || v.mod || v.doc || v.from || v.to);
    return v;
  }
  function passes(f, v) {
    if (v.rel && f.predicate !== v.rel) return false;
    if (v.pol && (v.pol === "negated") !== f.negated) return false;
    if (v.mod && f.modality !== v.mod) return false;
    if (v.doc && f.document !== v.doc) return false;
    if (v.from && (!f.date || f.date < v.from)) return false;
    if (v.to && (!f.date || f.date.slice(0, v.to.length) > v.to)) return false;
    return true;
  }

  // ---- drawing: the vis DataSets follow state.shown, the types shown and the filters ----
  let drawnEdges = new Map();  // edge id -> its facts that pass the filters
  const place = {};  // node -> where to draw it when it is added
  function render() {
    const v = readFilters();
    const visible = (id) => state.shown.has(id) && (!state.hiddenTypes.has(byId[id].group) || state.pinned.has(id));
    const want = new Map(); const used = new Set();
    state.shown.forEach((id) => {
      if (!visible(id)) return;
      edgesOf[id].forEach((e) => {
        if (want.has(e.id) || !visible(e.from) || !visible(e.to)) return;
        const ok = e.facts.filter((i) => passes(data.facts[i], v));
        if (ok.length) { want.set(e.id, ok); used.add(e.from); used.add(e.to); }
      });
    });
    const sel = state.selected && state.selected.kind === "node" ? state.selected.id : null;
    const wantNodes = new Set();
    state.shown.forEach((id) => { if (visible(id) && (!v.active || used.has(id) || id === sel)) wantNodes.add(id); });
    nodes.remove(nodes.getIds().filter((id) => !wantNodes.has(id)));
    const added = [...wantNodes].filter((id) => !nodes.get(id));
    placeNear(added, wantNodes);
    nodes.add(added.map(nodeView));
    edges.remove(edges.getIds().filter((id) => !want.has(id)));
    // with many edges drawn, only those at the selection are labelled (the rest on hover)
    const near = (e) => want.size <= LABEL_ALL || (sel && (e.from === sel || e.to === sel)) || (state.selected && state.selected.kind === "path" && state.selected.edges.includes(e.id));
    edges.update([...want].map(([id, ok]) => edgeView(edgeById[id], ok, near(edgeById[id]))));
    drawnEdges = want;
    dim();
    updateCount(); renderTable();
  }
  function nodeView(id) {
    const n = byId[id];
    const v = {id: id, label: n.label, color: n.color, shape: n.shape, size: n.size};
    if (place[id]) { v.x = place[id].x; v.y = place[id].y; }
    return v;
  }
  function edgeLabel(e, ok) { const f = data.facts[e.fact]; return (f.negated ? "not " : "") + f.predicate + (ok.length > 1 ? " \u00d7" + ok.length : ""); }
  function edgeView(e, ok, labelled) {
    return {id: e.id, from: e.from, to: e.to, label: labelled ? edgeLabel(e, ok) : "", dashes: e.dashes, color: {color: e.color}, width: e.width};
  }
  function placeNear(ids, drawn) {
    // a node added without a place goes on a ring around a drawn neighbour
    if (!network) return;
    const pos = network.getPositions([...drawn].filter((id) => nodes.get(id)));
    const rings = {};
    ids.forEach((id) => {
      if (place[id] || !Object.keys(pos).length) return;
      const anchor = edgesOf[id].map((e) => other(e, id)).find((o) => pos[o]) || null;
      const c = anchor ? pos[anchor] : {x: 0, y: 0};
      const k = (rings[anchor] = (rings[anchor] || 0) + 1);
      place[id] = ringPoint(c, k, 12);
    });
  }
  function ringPoint(c, k, per) {  // k-th place on rings of `per`, 2 * per, ... places
    let ring = 1, cap = per, i = k - 1;
    while (i >= cap) { i -= cap; ring += 1; cap = per * ring; }
    const a = (2 * Math.PI * i) / cap + ring * 0.3;
    return {x: Math.round(c.x + 240 * ring * Math.cos(a)), y: Math.round(c.y + 240 * ring * Math.sin(a))};
  }
  function dim() {  // the selection and its neighbours in full, the rest faded
    const keep = new Set();
    const s = state.selected;
    if (s && s.kind === "node") { keep.add(s.id); edgesOf[s.id].forEach((e) => keep.add(other(e, s.id))); }
    if (s && s.kind === "path") s.nodes.forEach((id) => keep.add(id));
    nodes.update(nodes.getIds().map((id) => ({id: id, opacity: !keep.size || keep.has(id) ? 1 : 0.2})));
  }
  function updateCount() {
    const n = nodes.length, m = edges.length;
    $("count").textContent = n + " nodes, " + m + " edges drawn of " + (remote ? data.total_nodes : data.nodes.length) + " nodes";
    document.body.setAttribute("data-drawn", n + "," + m);
  }

  // ---- the working set: overview, neighbourhoods, expand and collapse, back ----
  function snapshot(label) {
    const s = state.selected;
    history.push({label: label, shown: [...state.shown], addedBy: new Map(state.addedBy), pinned: new Set(state.pinned),
      selected: s, positions: network.getPositions()});
    $("back").disabled = false; crumbs();
  }
  function back() {
    const h = history.pop(); if (!h) return;
    Object.assign(place, h.positions);
    state.shown = new Set(h.shown); state.addedBy = h.addedBy; state.pinned = h.pinned; state.selected = null;
    nodes.clear(); render();
    if (h.selected) reselect(h.selected);
    $("back").disabled = !history.length; crumbs();
  }
  function crumbs() {
    const c = $("crumbs"); c.textContent = "";
    history.slice(-4).forEach((h) => { c.appendChild(el("span", h.label)); c.appendChild(document.createTextNode(" \u203a ")); });
  }
  function neighbours(id, pred) {  // other ends, most facts first, then most connected
    const count = new Map();
    edgesOf[id].forEach((e) => {
      const o = other(e, id);
      if (o === id || (pred && data.facts[e.fact].predicate !== pred)) return;
      count.set(o, (count.get(o) || 0) + e.facts.length);
    });
    return [...count.keys()].sort((a, b) => count.get(b) - count.get(a)
      || byId[b].degree - byId[a].degree || (a < b ? -1 : a > b ? 1 : 0));
  }
  function expand(id, pred) {
    snapshot((pred ? pred + " of " : "expand ") + byId[id].label);
    const add = neighbours(id, pred).filter((o) => !state.shown.has(o) && !state.hiddenTypes.has(byId[o].group)).slice(0, EXPAND_MAX);
    const c = network.getPositions([id])[id] || {x: 0, y: 0};
    add.forEach((o, k) => { place[o] = ringPoint(c, k + 1, 16); state.shown.add(o); state.addedBy.set(o, id); });
    render();
    return add.length;
  }
  function collapse(id) {
    const gone = [...state.addedBy].filter(([, by]) => by === id).map(([o]) => o);
    if (!gone.length) return 0;
    snapshot("collapse " + byId[id].label);
    const drop = (o) => {
      [...state.addedBy].filter(([, by]) => by === o).forEach(([x]) => drop(x));
      state.shown.delete(o); state.addedBy.delete(o);
    };
    gone.forEach(drop);
    if (state.selected && state.selected.kind === "node" && !state.shown.has(state.selected.id)) state.selected = null;
    render();
    return gone.length;
  }
  function goTo(id) {  // a search's answer: the entity and its neighbourhood, centred
    snapshot("find " + byId[id].label);
    if (data.overview) {
      state.shown = new Set([id]); state.addedBy = new Map(); state.pinned = new Set();
      place[id] = {x: 0, y: 0};
      neighbours(id).filter((o) => !state.hiddenTypes.has(byId[o].group)).slice(0, EXPAND_MAX)
        .forEach((o, k) => { place[o] = ringPoint({x: 0, y: 0}, k + 1, 16); state.shown.add(o); state.addedBy.set(o, id); });
      nodes.clear();
    } else {
      state.shown.add(id);
    }
    state.pinned.add(id);
    // framed before the panel and the table change: vis reads the canvas size, which
    // after a DOM change forces the browser to lay the page out there and then
    if (data.overview) frame([...state.shown]);
    selectNode(id);
    network.selectNodes([id]);
    if (!data.overview) network.focus(id, {scale: 1.2});
  }
  let box = null;  // the drawing's size, read once: reading it after the table changed forces a layout
  const netBox = () => box || (box = $("net").getBoundingClientRect());
  window.addEventListener("resize", () => { box = null; });
  function frame(ids) {  // zoom to show the places of ids (vis's fit() measures every node drawn: slow)
    const xs = ids.map((i) => place[i]).filter(Boolean);
    if (!xs.length) return;
    const lo = (k) => Math.min(...xs.map((p) => p[k])), hi = (k) => Math.max(...xs.map((p) => p[k]));
    const w = hi("x") - lo("x") + 300, h = hi("y") - lo("y") + 200;
    const box = netBox();
    const scale = Math.min(1.5, box.width / w, box.height / h);
    network.moveTo({position: {x: (lo("x") + hi("x")) / 2, y: (lo("y") + hi("y")) / 2}, scale: scale, animation: false});
  }
  function overview() {
    snapshot("overview");
    state.shown = new Set(data.opening); state.addedBy = new Map(); state.selected = null; state.pinned = new Set();
    Object.assign(place, openingPlaces);
    frame(data.opening); nodes.clear(); render(); showHelp();
  }
  function shortestPath(a, b) {  // breadth first over the facts, either direction
    const prev = new Map([[a, null]]); let frontier = [a];
    while (frontier.length && !prev.has(b)) {
      const next = [];
      frontier.forEach((id) => edgesOf[id].forEach((e) => {
        const o = other(e, id);
        if (prev.has(o) || (state.hiddenTypes.has(byId[o].group) && o !== b)) return;
        prev.set(o, e); next.push(o);
      }));
      frontier = next;
    }
    if (!prev.has(b)) return null;
    const path = {nodes: [b], edges: []}; let at = b;
    while (at !== a) { const e = prev.get(at); path.edges.unshift(e.id); at = other(e, at); path.nodes.unshift(at); }
    return path;
  }
  function showPath(a, b) {
    const p = shortestPath(a, b);
    if (!p) { panel.textContent = ""; panel.appendChild(el("p", "No path from " + byId[a].label + " to " + byId[b].label + " with the types shown.", "meta")); return null; }
    snapshot("path " + byId[a].label + " \u2192 " + byId[b].label);
    const pos = network.getPositions([a])[a] || {x: 0, y: 0};
    p.nodes.forEach((id, k) => { state.pinned.add(id); if (!state.shown.has(id)) { place[id] = {x: pos.x + 200 * k, y: pos.y + 60 * (k % 2)}; state.shown.add(id); } });
    state.selected = {kind: "path", nodes: p.nodes, edges: p.edges};
    render(); network.selectEdges(p.edges.filter((id) => drawnEdges.has(id)));
    const facts = [].concat(...p.edges.map((id) => edgeById[id].facts));
    show("Path: " + p.nodes.map((id) => byId[id].label).join(" \u2192 "), facts);
    document.body.setAttribute("data-selected", "path:" + p.nodes.join(" "));
    return p;
  }

  // ---- the side panel ----
  const panel = $("panel");
  function showHelp() { panel.textContent = ""; }
  function factView(i) {
    const f = data.facts[i]; const d = el("div", undefined, "fact");
    const head = el("div");
    head.appendChild(el("b", f.subject)); head.appendChild(document.createTextNode(" "));
    if (f.negated) head.appendChild(el("span", "not ", "neg"));
    head.appendChild(el("i", f.predicate)); head.appendChild(document.createTextNode(" "));
    head.appendChild(el("b", f.object)); d.appendChild(head);
    return factBody(f, d);
  }
  function factBody(f, d) {  // qualifiers, evidence, article, Wikidata links
    const meta = [f.modality !== "asserted" ? f.modality : null, f.attributed_to ? "according to " + f.attributed_to : null, f.date].filter(Boolean).join(" \u00b7 ");
    if (meta) d.appendChild(el("div", meta, "meta"));
    if (f.evidence) { const ev = el("div", undefined, "ev"); highlight(ev, f.evidence, [f.subject, f.object]); d.appendChild(ev); }
    if (f.title || f.document) d.appendChild(el("div", (f.title || "") + (f.document ? " [" + f.document + "]" : ""), "meta src"));
    ["subject_qid", "object_qid"].forEach((k) => { if (f[k] && /^Q[0-9]+$/.test(f[k])) { d.appendChild(wikidata(f[k])); d.appendChild(document.createTextNode(" ")); } });
    return d;
  }
  function wikidata(qid) { const a = el("a", "Wikidata " + qid); a.href = "https://www.wikidata.org/wiki/" + qid; a.rel = "noopener"; a.target = "_blank"; return a; }
  function highlight(container, text, words) {
    const lower = text.toLowerCase(); const marks = [];
    words.forEach((w) => { if (!w) return; const at = lower.indexOf(String(w).toLowerCase()); if (at >= 0) marks.push([at, at + String(w).length]); });
    marks.sort((a, b) => a[0] - b[0]); let pos = 0;
    marks.forEach((m) => { if (m[0] < pos) return; container.appendChild(document.createTextNode(text.slice(pos, m[0]))); container.appendChild(el("mark", text.slice(m[0], m[1]))); pos = m[1]; });
    container.appendChild(document.createTextNode(text.slice(pos)));
  }
  function show(title, factIds, qid, sections, node) {
    panel.textContent = ""; panel.appendChild(el("h3", title));
    if (qid && /^Q[0-9]+$/.test(qid)) panel.appendChild(wikidata(qid));
    if (node) panel.appendChild(relationButtons(node));
    if (sections && sections.length) {
      const box = el("section"); box.id = "roles"; box.setAttribute("aria-label", "Roles and affiliations");
      sections.forEach((s) => {
        box.appendChild(el("h4", s.title)); const ul = el("ul");
        s.rows.forEach((r) => ul.appendChild(roleRow(r))); box.appendChild(ul);
      });
      panel.appendChild(box); panel.appendChild(el("h4", "All facts (" + factIds.length + ")", "all"));
    }
    factIds.slice(0, PANEL_MAX).forEach((i) => panel.appendChild(factView(i)));
    if (factIds.length > PANEL_MAX) panel.appendChild(el("p", (factIds.length - PANEL_MAX) + " more in the facts table", "meta"));
  }
  function relationButtons(n) {  // "supplies 12, metWith 4": expand by relation, with counts
    const box = el("div", undefined, "rels"); box.setAttribute("aria-label", "Relations");
    const counts = new Map();
    edgesOf[n.id].forEach((e) => { const p = data.facts[e.fact].predicate; counts.set(p, (counts.get(p) || 0) + e.facts.length); });
    const all = neighbours(n.id).length, open = neighbours(n.id).filter((o) => state.shown.has(o)).length;
    const b = el("button", "Expand all (" + all + " neighbours" + (all > EXPAND_MAX ? ", " + EXPAND_MAX + " at a time" : "") + ")"); b.type = "button"; b.className = "expand";
    b.addEventListener("click", () => { expand(n.id); selectNode(n.id); }); box.appendChild(b);
    const c = el("button", "Collapse"); c.type = "button"; c.className = "collapse"; c.disabled = ![...state.addedBy.values()].includes(n.id);
    c.addEventListener("click", () => { collapse(n.id); if (state.shown.has(n.id)) selectNode(n.id); }); box.appendChild(c);
    const p = el("button", "Path to\u2026"); p.type = "button"; p.className = "path";
    p.addEventListener("click", () => { pathFrom = n.id; $("search").placeholder = "Path from " + n.label + " to\u2026"; $("search").value = ""; $("search").focus(); });
    box.appendChild(p);
    box.appendChild(el("div", open + " of " + all + " neighbours drawn", "meta"));
    const more = el("details"); more.appendChild(el("summary", "more relations"));
    [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).forEach(([pred, k], i) => {
      const r = el("button", pred + " " + k); r.type = "button"; r.className = "rel"; r.dataset.rel = pred;
      r.addEventListener("click", () => { expand(n.id, pred); selectNode(n.id); });
      (i < 8 ? box : more).appendChild(r);
    });
    if (counts.size > 8) box.appendChild(more);
    return box;
  }
  function roleRow(r) {  // one other entity: its name and qualifiers; the evidence when opened
    const f = data.facts[r.facts[0]]; const li = el("li"); const det = el("details"); const sum = el("summary");
    if (f.negated) sum.appendChild(el("span", "not ", "neg"));
    sum.appendChild(el("b", r.label));
    if (r.node && byId[r.node] && byId[r.node].group !== "Position") sum.appendChild(el("span", " " + byId[r.node].group, "meta"));
    const said = /^(former|ex)\b/i.test(r.label);  // "former Adviser" says it already
    [f.former && !said ? "former" : null, f.modality !== "asserted" ? f.modality : null].forEach((t) => { if (t) { sum.appendChild(document.createTextNode(" ")); sum.appendChild(el("span", t, "tag")); } });
    if (r.facts.length > 1) sum.appendChild(el("span", " \u00b7 " + r.facts.length + " statements", "meta"));
    det.appendChild(sum);
    r.facts.forEach((i) => det.appendChild(factBody(data.facts[i], el("div", undefined, "fact"))));
    if (r.node && byId[r.node]) {
      const go = el("button", "Show " + r.label); go.type = "button";
      go.addEventListener("click", () => when(r.node, () => {
        if (!state.shown.has(r.node)) { state.shown.add(r.node); render(); }
        network.selectNodes([r.node]); network.focus(r.node, {scale: 1.2}); selectNode(r.node);
      }));
      det.appendChild(go);
    }
    li.appendChild(det); return li;
  }
  function selectNode(id) {
    const n = byId[id];
    state.selected = {kind: "node", id: id};
    render();
    show(n.label + " (" + n.group + ")", n.facts.filter((i) => passes(data.facts[i], readFilters())), n.qid, n.sections, n);
    document.body.setAttribute("data-selected", id);
  }
  function selectEdge(id) {
    const e = edgeById[id];
    state.selected = {kind: "edge", id: id};
    show(edgeLabel(e, drawnEdges.get(id) || e.facts), drawnEdges.get(id) || e.facts);
    render(); document.body.setAttribute("data-selected", id);
  }
  function reselect(s) {
    if (s.kind === "node" && state.shown.has(s.id)) selectNode(s.id);
    else if (s.kind === "edge" && edgeById[s.id]) selectEdge(s.id);
  }
  function placeTip(ev) { const x = ev && ev.center ? ev.center.x : (ev && ev.pageX) || 0, y = ev && ev.center ? ev.center.y : (ev && ev.pageY) || 0; tip.style.left = (x + 12) + "px"; tip.style.top = (y + 12) + "px"; tip.style.display = "block"; }

  // ---- the facts table: the selection's facts, or the drawn ones; sortable; CSV ----
  const COLUMNS = [["subject", "Subject"], ["predicate", "Relation"], ["object", "Object"], ["modality", "Modality"], ["date", "Date"], ["title", "Article"], ["evidence", "Evidence"]];
  const headRow = document.querySelector("#facts thead tr");
  COLUMNS.forEach(([key, name]) => {
    const th = el("th", name); th.dataset.key = key;
    th.addEventListener("click", () => { state.sort = {key: key, dir: state.sort.key === key ? -state.sort.dir : 1}; renderTable(); });
    headRow.appendChild(th);
  });
  function tableFacts() {
    const s = state.selected, v = readFilters();
    let ids;
    if (s && s.kind === "node") ids = byId[s.id].facts;
    else if (s && (s.kind === "edge")) ids = drawnEdges.get(s.id) || edgeById[s.id].facts;
    else if (s && s.kind === "path") ids = [].concat(...s.edges.map((id) => edgeById[id].facts));
    else { ids = []; drawnEdges.forEach((ok) => ids.push(...ok)); ids.sort((a, b) => a - b); }
    ids = ids.filter((i) => passes(data.facts[i], v));
    const k = state.sort.key;
    if (k) {
      const val = (i) => { const f = data.facts[i]; return k === "predicate" ? (f.negated ? "not " : "") + f.predicate : (f[k] || ""); };
      ids = ids.slice().sort((a, b) => { const x = val(a), y = val(b); return (x < y ? -1 : x > y ? 1 : a - b) * state.sort.dir; });
    }
    return ids;
  }
  let tableIds = [];
  function renderTable() {
    tableIds = tableFacts();
    const body = document.querySelector("#facts tbody"); body.textContent = "";
    headRow.querySelectorAll("th").forEach((th) => { if (th.dataset.key === state.sort.key) th.setAttribute("aria-sort", state.sort.dir > 0 ? "ascending" : "descending"); else th.removeAttribute("aria-sort"); });
    tableIds.slice(0, TABLE_MAX).forEach((i) => {
      const f = data.facts[i]; const tr = el("tr"); tr.dataset.fact = i;
      tr.appendChild(el("td", f.subject));
      const rel = el("td"); if (f.negated) rel.appendChild(el("span", "not ", "neg")); rel.appendChild(document.createTextNode(f.predicate)); tr.appendChild(rel);
      tr.appendChild(el("td", f.object)); tr.appendChild(el("td", f.modality)); tr.appendChild(el("td", f.date || ""));
      tr.appendChild(el("td", f.title || f.document || "")); tr.appendChild(el("td", f.evidence));
      tr.addEventListener("click", () => selectFact(i, tr));
      body.appendChild(tr);
    });
    $("table-count").textContent = tableIds.length + " facts" + (tableIds.length > TABLE_MAX ? " (first " + TABLE_MAX + " shown; the CSV has all)" : "");
  }
  function selectFact(i, tr) {  // a row: its fact in the panel, its edge selected if drawn
    document.querySelectorAll("#facts tr.on").forEach((r) => r.classList.remove("on"));
    if (tr) tr.classList.add("on");
    panel.textContent = ""; panel.appendChild(factView(i));
    const e = factEdge[i];
    if (e && drawnEdges.has(e)) network.selectEdges([e]); else network.unselectAll();
    document.body.setAttribute("data-fact", i);
  }
  const CSV_KEYS = ["subject", "predicate", "negated", "object", "modality", "attributed_to", "date", "document", "title", "evidence"];
  function csvCell(v) {
    let s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // a spreadsheet must not read a label as a formula
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function toCSV(ids) {
    return [CSV_KEYS.join(",")].concat(ids.map((i) => CSV_KEYS.map((k) => csvCell(data.facts[i][k])).join(","))).join("\r\n") + "\r\n";
  }
  $("csv").addEventListener("click", () => {
    const a = el("a"); a.download = "kg-facts.csv";
    a.href = URL.createObjectURL(new Blob([toCSV(tableIds)], {type: "text/csv;charset=utf-8"}));
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });

  // ---- search with suggestions (names and aliases) ----
  const names = [];
  let namesSorted = false;
  function addNames(n) { [n.label].concat(n.aliases || []).forEach((a) => names.push({key: a.toLowerCase(), text: a, id: n.id})); namesSorted = false; }
  data.nodes.forEach(addNames);
  function suggestions(q, max) {
    q = q.trim().toLowerCase(); if (!q) return [];
    if (!namesSorted) { names.sort((a, b) => byId[b.id].degree - byId[a.id].degree || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)); namesSorted = true; }
    const starts = [], words = [], inside = [], seen = new Set();
    for (const x of names) {
      if (seen.has(x.id)) continue;
      const at = x.key.indexOf(q); if (at < 0) continue;
      (at === 0 ? starts : x.key[at - 1] === " " ? words : inside).push(x); seen.add(x.id);
      if (starts.length >= max) break;
    }
    return starts.concat(words, inside).slice(0, max);
  }
  function find(q) {
    const exact = names.find((x) => x.key === q.trim().toLowerCase());
    if (exact) return byId[exact.id];
    const s = suggestions(q, 1); return s.length ? byId[s[0].id] : null;
  }
  function remoteSuggest(q) {  // the server's suggestions: every node of the graph
    return fetch("suggest?q=" + encodeURIComponent(q), {headers: {Accept: "application/json"}})
      .then((r) => (r.ok ? r.json() : [])).catch(() => []);
  }
  function findAny(q, then) {  // a typed name -> its node: on the page, else on the server
    const exact = names.find((x) => x.key === q.trim().toLowerCase());
    if (exact || !remote) { const hit = exact ? byId[exact.id] : find(q); if (hit) then(hit.id); return; }
    remoteSuggest(q).then((items) => {
      const best = items.find((x) => x.text.toLowerCase() === q.trim().toLowerCase()) || items[0];
      if (best) then(best.id);
    });
  }
  let suggestTimer = null;
  let pathFrom = null; let active = -1;
  const search = $("search"), list = $("suggest");
  let picked = null;
  function pick(id) {
    list.hidden = true; active = -1; picked = search.value;
    if (pathFrom && pathFrom !== id) {
      const a = pathFrom; pathFrom = null; search.placeholder = "Find an entity (name or alias)";
      if (remote) Promise.all([ensure(a), ensure(id)]).then((ok) => { if (ok[0] && ok[1]) showPath(a, id); });
      else showPath(a, id);
    } else { pathFrom = null; when(id, () => goTo(id)); }
  }
  function showSuggestions(items) {  // x: {id, text} (and label, group, degree from the server)
    list.textContent = ""; active = -1;
    items.forEach((x) => {
      const li = el("li"); li.setAttribute("role", "option"); li.dataset.id = x.id;
      li.appendChild(el("span", x.text));
      const n = byId[x.id] || x; li.appendChild(el("span", " " + n.group + (x.text !== n.label ? " \u00b7 " + n.label : "") + " \u00b7 " + n.degree, "meta"));
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); search.value = x.text; pick(x.id); });
      list.appendChild(li);
    });
    list.hidden = !list.children.length;
  }
  search.addEventListener("input", () => {
    const q = search.value;
    showSuggestions(suggestions(q, 10));
    if (!remote || !q.trim()) return;
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(() => remoteSuggest(q).then((items) => {
      if (search.value === q && document.activeElement === search) showSuggestions(items);
    }), 60);
  });
  search.addEventListener("keydown", (ev) => {
    const items = list.querySelectorAll("li");
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault(); if (!items.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items.forEach((li, k) => li.setAttribute("aria-selected", k === active ? "true" : "false"));
    } else if (ev.key === "Enter") {
      if (active >= 0 && items[active]) pick(items[active].dataset.id);
      else findAny(search.value, pick);
    } else if (ev.key === "Escape") { list.hidden = true; }
  });
  search.addEventListener("change", () => {  // typed and left, without Enter
    if (search.value === picked) return;
    findAny(search.value, pick);
  });
  search.addEventListener("blur", () => { list.hidden = true; });

  // ---- filters, legend, histogram of dates ----
  function fill(id, values, label) { const s = $(id); values.sort().forEach((v) => { const o = el("option", label ? label(v) : v); o.value = v; s.appendChild(o); }); }
  const rels = new Set(), mods = new Set(), docs = new Map();
  if (remote) {  // the whole graph's, from the server; the page holds only what it fetched
    data.catalogue.relations.forEach((r) => rels.add(r)); data.catalogue.modalities.forEach((m) => mods.add(m));
    data.catalogue.articles.forEach(([d, t]) => docs.set(d, t || d));
  } else data.facts.forEach((f) => { rels.add(f.predicate); mods.add(f.modality); if (f.document) docs.set(f.document, f.title || f.document); });
  fill("f-rel", [...rels]); fill("f-mod", [...mods]); fill("f-doc", [...docs.keys()], (d) => docs.get(d) === d ? d : docs.get(d) + " [" + d + "]");
  ["f-rel", "f-pol", "f-mod", "f-doc", "f-from", "f-to"].forEach((id) => $(id).addEventListener("change", () => { render(); if (state.selected && state.selected.kind === "node") selectNode(state.selected.id); }));
  data.legend.forEach(([type, colour]) => {
    const lab = el("label"); const cb = el("input"); cb.type = "checkbox"; cb.checked = !state.hiddenTypes.has(type); cb.value = type; cb.className = "f-type";
    cb.addEventListener("change", () => { if (cb.checked) state.hiddenTypes.delete(type); else state.hiddenTypes.add(type); if (cb.checked && data.overview) addHiddenOfType(type); render(); });
    const i = el("i"); i.style.background = colour; lab.appendChild(cb); lab.appendChild(i); lab.appendChild(document.createTextNode(type)); $("legend").appendChild(lab);
  });
  function addHiddenOfType(type) {  // concepts shown again: those linked to what is drawn
    [...state.shown].forEach((id) => edgesOf[id].forEach((e) => { const o = other(e, id); if (byId[o].group === type && !state.shown.has(o)) { state.shown.add(o); state.addedBy.set(o, id); } }));
  }
  $("reset").addEventListener("click", () => {
    ["f-rel", "f-pol", "f-mod", "f-doc", "f-from", "f-to"].forEach((id) => { $(id).value = ""; });
    state.hiddenTypes = new Set(data.overview ? ["Concept"] : []);
    document.querySelectorAll(".f-type").forEach((c) => { c.checked = !state.hiddenTypes.has(c.value); });
    state.selected = null; document.querySelectorAll("#hist button").forEach((b) => b.classList.remove("on"));
    render();
  });
  (function histogram() {
    const months = new Map(remote ? Object.entries(data.catalogue.months) : []);
    if (!remote) data.facts.forEach((f) => { if (f.date && /^\d{4}-\d{2}/.test(f.date)) { const m = f.date.slice(0, 7); months.set(m, (months.get(m) || 0) + 1); } });
    if (months.size < 2) return;
    const keys = [...months.keys()].sort(); const top = Math.max(...months.values());
    keys.forEach((m) => {
      const b = el("button"); b.type = "button"; b.dataset.month = m;
      b.style.height = Math.max(2, Math.round((30 * months.get(m)) / top)) + "px";
      b.setAttribute("aria-label", m + ": " + months.get(m) + " facts"); b.title = m + ": " + months.get(m) + " facts";
      b.addEventListener("click", () => {
        const on = !b.classList.contains("on");
        document.querySelectorAll("#hist button").forEach((x) => x.classList.remove("on"));
        if (on) b.classList.add("on");
        $("f-from").value = on ? m : ""; $("f-to").value = on ? m : ""; render();
      });
      $("hist").appendChild(b);
    });
  })();
  $("overview").addEventListener("click", overview);
  $("back").addEventListener("click", back);
  $("tidy").addEventListener("click", () => { network.setOptions({physics: {enabled: true}}); network.stabilize(150); });
  if (data.left_out) $("note").textContent = "Showing the " + data.nodes.length + " most connected of " + data.total_nodes + " nodes; " + data.left_out + " left out.";
  else if (remote) $("note").textContent = "The " + data.opening.length + " most connected of " + data.total_nodes + " nodes; search or double-click to explore (fetched from the server as you go).";
  else if (data.overview) $("note").textContent = "The " + data.opening.length + " most connected of " + data.nodes.length + " nodes; search or double-click to explore.";

  // ---- opening: the first view in the DataSets, then the network, which lays it out ----
  let openingPlaces = {};
  render();
  network = new vis.Network($("net"), {nodes: nodes, edges: edges}, options);
  window.kgNetwork = network;
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({physics: {enabled: false}});
    openingPlaces = network.getPositions();
    document.body.setAttribute("data-stable", "1"); updateCount();
  });
  network.on("stabilized", () => network.setOptions({physics: {enabled: false}}));
  network.on("click", (p) => {
    if (p.nodes.length) { const id = p.nodes[0]; when(id, () => selectNode(id)); }
    else if (p.edges.length) selectEdge(p.edges[0]);
    else { state.selected = null; render(); }
  });
  network.on("doubleClick", (p) => {
    if (!p.nodes.length) return;
    const id = p.nodes[0];
    when(id, () => { if (!collapse(id)) expand(id); selectNode(id); });
  });
  const tip = $("tip");
  network.on("hoverNode", (p) => { const n = byId[p.node]; tip.textContent = ""; tip.appendChild(el("b", n.label)); tip.appendChild(el("div", n.group + " \u00b7 " + n.degree + " facts", "meta")); n.facts.slice(0, 3).forEach((i) => tip.appendChild(el("div", data.facts[i].evidence, "ev"))); placeTip(p.event); });
  network.on("hoverEdge", (p) => { const e = edgeById[p.edge]; const f = data.facts[e.fact]; tip.textContent = ""; tip.appendChild(el("b", (f.negated ? "not " : "") + f.predicate)); tip.appendChild(el("div", f.evidence, "ev")); placeTip(p.event); });
  network.on("blurNode", () => { tip.style.display = "none"; });
  network.on("blurEdge", () => { tip.style.display = "none"; });
  window.kgFind = find;
  window.kg = {expand: expand, collapse: collapse, goTo: goTo, overview: overview, back: back, path: showPath,
    suggestions: suggestions, selectNode: selectNode, tableIds: () => tableIds, toCSV: toCSV,
    remote: remote, ensure: ensure, remoteSuggest: remoteSuggest};
})();
