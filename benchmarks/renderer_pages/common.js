const D = JSON.parse(document.getElementById('data').textContent);
const R = {}; window.R = R;
const inSet = (ids) => { const s = new Set(ids); return D.pairs.filter(([a, b]) => s.has(a) && s.has(b)); };
function ring(c, k) { let r = 1, cap = 16, i = k - 1; while (i >= cap) { i -= cap; r += 1; cap = 16 * r; }
  const a = 2 * Math.PI * i / cap + r * 0.3; return [c[0] + 240 * r * Math.cos(a), c[1] + 240 * r * Math.sin(a)]; }
function frames(k, step) { return new Promise((done) => { const ts = []; let i = 0;
  function tick(t) { ts.push(t); if (i === k) { done(ts.slice(1).map((x, j) => x - ts[j])); return; }
    step(i++); requestAnimationFrame(tick); }
  requestAnimationFrame(tick); }); }
const gl = document.createElement('canvas').getContext('webgl');
const dbg = gl && gl.getExtension('WEBGL_debug_renderer_info');
R.gl = gl ? (dbg ? gl.getParameter(dbg.UNMASKED_RENDERER_WEBGL) : 'webgl') : 'no webgl';
