// The canvas benchmark's reference: bpmn-js (a dev dependency, never bundled with the app) served
// with the generated BPMN diagrams from a static server of its own.
/* global window, requestAnimationFrame -- in page code */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { root } from '../scripts/build-if-needed.mjs';

const dist = join(root, 'node_modules/bpmn-js/dist');
const types = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
};

/** The page: bpmn-js's viewer in a container of the given size (Baton's canvas's). */
const page = (width, height) => `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/bpmn-js/assets/diagram-js.css">
<link rel="stylesheet" href="/bpmn-js/assets/bpmn-js.css">
<link rel="stylesheet" href="/bpmn-js/assets/bpmn-font/css/bpmn.css">
<style>html, body { margin: 0 } #canvas { width: ${width}px; height: ${height}px }</style>
</head><body><div id="canvas"></div>
<script src="/bpmn-js/bpmn-viewer.production.min.js"></script>
<script>window.bpmnViewer = new BpmnJS({ container: '#canvas' });</script>
</body></html>`;

/**
 * Serves `/?width=&height=` (the viewer page), `/diagram-<size>.bpmn` (the XML of each diagram)
 * and `/bpmn-js/…` (bpmn-js's distribution), on 127.0.0.1 and a free port.
 */
export async function startReferenceServer(diagrams) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end(
        page(Number(url.searchParams.get('width')), Number(url.searchParams.get('height'))),
      );
    }
    const bpmn = /^\/diagram-(\d+)\.bpmn$/.exec(url.pathname);
    if (bpmn) {
      const found = diagrams.find(({ size }) => String(size) === bpmn[1]);
      res.writeHead(found ? 200 : 404, { 'Content-Type': 'application/xml' });
      return res.end(found?.xml ?? '');
    }
    const file = normalize(url.pathname.replace(/^\/bpmn-js\//, ''));
    if (!url.pathname.startsWith('/bpmn-js/') || file.startsWith('..')) {
      res.writeHead(404);
      return res.end();
    }
    try {
      const body = readFileSync(join(dist, file));
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Imports `xml` into the bpmn-js viewer on the reference page, fits it and waits two frames. */
function timeImport(xml) {
  const started = performance.now();
  return window.bpmnViewer.importXML(xml).then(({ warnings }) => {
    window.bpmnViewer.get('canvas').zoom('fit-viewport');
    return new Promise((resolve) =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() =>
          resolve({ ms: performance.now() - started, warnings: warnings.length }),
        ),
      ),
    );
  });
}

/**
 * Opens the viewer page in a fresh context with a canvas of `canvas`'s size, fetches the diagram's
 * XML, then times its import and rendering. Resolves with the ms and the page (to close its
 * context, or take a screenshot first).
 */
export async function timeBpmnJs(browser, server, { size }, canvas, viewport) {
  const context = await browser.newContext({ viewport });
  const tab = await context.newPage();
  await tab.goto(`${server.origin}/?width=${canvas.width}&height=${canvas.height}`);
  await tab.waitForFunction(() => window.bpmnViewer !== undefined);
  const xml = await tab.evaluate(
    (path) => fetch(path).then((response) => response.text()),
    `/diagram-${size}.bpmn`,
  );
  const { ms, warnings } = await tab.evaluate(timeImport, xml);
  // A diagram bpmn-js cannot read in full would be drawn in part, and too fast.
  if (warnings > 0) throw new Error(`bpmn-js read diagram-${size}.bpmn with ${warnings} warnings`);
  return { ms, page: tab, context };
}
