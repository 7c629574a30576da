const {Sigma, Graph, forceAtlas2} = kgSigma;
const graph = new Graph();
const node = (i, x, y) => graph.addNode(i, {label: D.nodes[i][0], color: D.nodes[i][1], size: D.nodes[i][2] / 2, x: x, y: y});
let seed = 7; const rand = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
D.opening.forEach((i) => node(i, rand() * 100, rand() * 100));
inSet(D.opening).forEach(([a, b]) => graph.addEdge(a, b));
forceAtlas2.assign(graph, {iterations: 300, settings: forceAtlas2.inferSettings(graph)});
const sigma = new Sigma(graph, document.getElementById('net'), {defaultEdgeType: 'arrow'});
let drawMs = [], t0 = 0;
sigma.on('beforeRender', () => { t0 = performance.now(); });
sigma.on('afterRender', () => { drawMs.push(performance.now() - t0); });
const drawn = () => new Promise((r) => sigma.once('afterRender', () => r(performance.now())));
if (sigma.renderFrame) drawn().then((t) => { R.first = t; });  // a render scheduled
else R.first = performance.now();  // or done by the constructor
R.expand = async () => { const a = graph.getNodeAttributes(D.hub); const add = D.hub_near.filter((i) => !graph.hasNode(i));
  const t = performance.now();
  add.forEach((i, k) => { const p = ring([a.x, a.y], k + 1); node(i, p[0] / 100, p[1] / 100); });
  D.hub_near.forEach((i) => { if (!graph.hasEdge(D.hub, i) && !graph.hasEdge(i, D.hub)) graph.addEdge(D.hub, i); });
  const end = await drawn(); return [end - t, add.length]; };
R.show = async (n) => { graph.clear(); const ids = [...Array(n).keys()];
  const t = performance.now();
  ids.forEach((i) => node(i, D.places[i][0], D.places[i][1]));
  inSet(ids).forEach(([a, b]) => graph.addEdge(a, b));
  sigma.getCamera().setState({x: 0.5, y: 0.5, ratio: 1, angle: 0});
  const end = await drawn(); return [end - t, graph.size]; };
R.pan = async (k) => { const cam = sigma.getCamera(); drawMs = [];
  const iv = await frames(k, (i) => cam.setState({x: 0.5 + 0.15 * Math.sin(i / 10), y: 0.5 + 0.12 * Math.cos(i / 13), ratio: 1 / (1.5 + 0.5 * Math.sin(i / 7)), angle: 0}));
  return [iv, drawMs.slice()]; };
