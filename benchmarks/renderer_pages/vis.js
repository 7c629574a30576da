const nodes = new vis.DataSet(D.opening.map((i) => ({id: i, label: D.nodes[i][0], color: D.nodes[i][1], size: D.nodes[i][2], shape: 'dot'})));
const edges = new vis.DataSet(inSet(D.opening).map(([a, b]) => ({id: a + '-' + b, from: a, to: b})));
const net = new vis.Network(document.getElementById('net'), {nodes, edges}, {
  interaction: {hover: true}, nodes: {font: {size: 14}}, edges: {smooth: false, arrows: 'to'},
  layout: {improvedLayout: false, randomSeed: 7},
  physics: {solver: 'forceAtlas2Based', stabilization: {iterations: 300}}});
let drawMs = [], t0 = 0;
net.on('beforeDrawing', () => { t0 = performance.now(); });
net.on('afterDrawing', () => { drawMs.push(performance.now() - t0); });
const drawn = () => new Promise((r) => net.once('afterDrawing', () => r(performance.now())));
net.once('stabilizationIterationsDone', () => { net.setOptions({physics: {enabled: false}});
  drawn().then((t) => { R.first = t; }); });
R.expand = async () => { const c = net.getPositions([D.hub])[D.hub]; const add = D.hub_near.filter((i) => !nodes.get(i));
  const t = performance.now();
  nodes.add(add.map((i, k) => { const p = ring([c.x, c.y], k + 1); return {id: i, label: D.nodes[i][0], color: D.nodes[i][1], size: D.nodes[i][2], shape: 'dot', x: p[0], y: p[1]}; }));
  edges.add(D.hub_near.map((i) => ({id: 'h' + i, from: D.hub, to: i})));
  const end = await drawn(); return [end - t, add.length]; };
R.show = async (n) => { const ids = [...Array(n).keys()]; nodes.clear(); edges.clear();
  const t = performance.now();
  nodes.add(ids.map((i) => ({id: i, label: D.nodes[i][0], color: D.nodes[i][1], size: D.nodes[i][2], shape: 'dot', x: D.places[i][0], y: D.places[i][1]})));
  edges.add(inSet(ids).map(([a, b]) => ({id: a + '-' + b, from: a, to: b})));
  net.fit({animation: false}); const end = await drawn(); return [end - t, edges.length]; };
R.pan = async (k) => { const s = net.getScale(), p = net.getViewPosition(); drawMs = [];
  const iv = await frames(k, (i) => net.moveTo({position: {x: p.x + 2000 * Math.sin(i / 10), y: p.y + 1500 * Math.cos(i / 13)}, scale: s * (1.5 + 0.5 * Math.sin(i / 7)), animation: false}));
  return [iv, drawMs.slice()]; };
