// Code the canvas benchmark runs inside the page (each function is passed to `page.evaluate`, so
// it must not reach anything outside itself) and the mouse gestures it drives from outside.
/* global window, document, DOMMatrixReadOnly, requestAnimationFrame -- in page code */

/**
 * Arms a timer that starts when the sidebar entry `label` is clicked and stops once the diagram
 * is on screen: the view is fitted, every element inside the canvas at that view is drawn, every
 * connection between two of them is drawn, and two frames have been painted since.
 * `window.batonOpened` resolves with the milliseconds from the click.
 *
 * An element is drawn when it is a node in the DOM and visible (React Flow hides a node until it
 * has measured it), or, for a large diagram zoomed far out, when the far layer (`.far-layer`, one
 * `<canvas>` inside the viewport) has painted pixels inside its box; a connection is drawn when it
 * is an edge in the DOM or when the far layer paints it (it paints every connection with an end it
 * paints, and says how many in `data-connections`).
 */
export function armOpenTimer({ label, shapes, connections }) {
  window.batonOpened = new Promise((resolve) => {
    const onClick = (event) => {
      if (!event.target.closest(`[aria-label="${label}"]`)) return;
      document.removeEventListener('click', onClick, true);
      const started = event.timeStamp;
      const drawn = () => {
        const flow = document.querySelector('.tab-panel:not([hidden]) .react-flow');
        const viewport = flow?.querySelector('.react-flow__viewport');
        if (!viewport?.style.transform) return false;
        const { a: zoom, e: dx, f: dy } = new DOMMatrixReadOnly(viewport.style.transform);
        // The generated diagrams are larger than the canvas: until it is fitted, it shows them at 1.
        if (zoom >= 1) return false;
        const width = flow.clientWidth;
        const height = flow.clientHeight;
        const visible = new Set();
        for (const [id, x, y, w, h] of shapes) {
          const left = x * zoom + dx;
          const top = y * zoom + dy;
          if (left < width && left + w * zoom > 0 && top < height && top + h * zoom > 0) {
            visible.add(id);
          }
        }
        const shown = new Set();
        for (const node of flow.querySelectorAll('.react-flow__node')) {
          if (node.style.visibility !== 'hidden') shown.add(node.getAttribute('data-id'));
        }
        const layer = flow.querySelector('canvas.far-layer');
        const painted = [...visible].filter((id) => !shown.has(id));
        if (painted.length > 0 && !layer) return false;
        const edges = new Set();
        for (const edge of flow.querySelectorAll('.react-flow__edge')) {
          edges.add(edge.getAttribute('data-id'));
        }
        let paintedConnections = 0;
        for (const [id, source, target] of connections) {
          if (!visible.has(source) || !visible.has(target) || edges.has(id)) continue;
          if (shown.has(source) && shown.has(target)) return false;
          paintedConnections += 1;
        }
        if (paintedConnections > Number(layer?.dataset.connections ?? 0)) return false;
        return painted.length === 0 || paintedInside(flow, layer, painted, zoom, dx, dy);
      };
      /** Whether the layer has a painted pixel inside the box of each of `ids`. */
      const paintedInside = (flow, layer, ids, zoom, dx, dy) => {
        const { width, height } = layer;
        if (width === 0 || height === 0) return false;
        const pane = flow.getBoundingClientRect();
        const placed = layer.getBoundingClientRect();
        const scale = width / placed.width;
        const pixels = layer.getContext('2d').getImageData(0, 0, width, height).data;
        const boxes = new Map(shapes.map(([id, ...box]) => [id, box]));
        const column = (x) => (pane.x + x * zoom + dx - placed.x) * scale;
        const row = (y) => (pane.y + y * zoom + dy - placed.y) * scale;
        return ids.every((id) => {
          const [x, y, w, h] = boxes.get(id);
          const left = Math.max(0, Math.floor(column(x)));
          const top = Math.max(0, Math.floor(row(y)));
          const right = Math.min(width, Math.ceil(column(x + w)));
          const bottom = Math.min(height, Math.ceil(row(y + h)));
          for (let r = top; r < bottom; r += 1) {
            for (let c = left; c < right; c += 1) {
              if (pixels[(r * width + c) * 4 + 3] > 0) return true;
            }
          }
          return false;
        });
      };
      const poll = () => {
        if (!drawn()) return requestAnimationFrame(poll);
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve(performance.now() - started)),
        );
      };
      requestAnimationFrame(poll);
    };
    document.addEventListener('click', onClick, true);
  });
}

/** Starts recording the time between frames and the tasks that blocked the main thread. */
export function startFrameRecorder() {
  const recording = { frames: [], longTasks: [], running: true };
  let last;
  const onFrame = (time) => {
    if (last !== undefined) recording.frames.push(time - last);
    last = time;
    if (recording.running) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  recording.observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) recording.longTasks.push(entry.duration);
  });
  recording.observer.observe({ type: 'longtask' });
  window.batonRecording = recording;
}

/** Stops the recorder: `{ frames, longTasks }` in milliseconds. */
export function stopFrameRecorder() {
  const recording = window.batonRecording;
  recording.running = false;
  for (const entry of recording.observer.takeRecords()) recording.longTasks.push(entry.duration);
  recording.observer.disconnect();
  return { frames: recording.frames, longTasks: recording.longTasks };
}

/**
 * Where the elements `shapes` ([id, x, y, width, height] in flow coordinates) are on the page at
 * the canvas's current view, and the canvas's box: from the diagram itself rather than from the
 * DOM, where a large diagram far out has its elements painted on one canvas instead.
 */
export function elementsOnPage(shapes) {
  const flow = document.querySelector('.tab-panel:not([hidden]) .react-flow');
  const { x, y, width, height } = flow.getBoundingClientRect();
  const viewport = flow.querySelector('.react-flow__viewport');
  const { a: zoom, e: dx, f: dy } = new DOMMatrixReadOnly(viewport.style.transform);
  const rects = shapes.map(([, left, top, w, h]) => ({
    x: x + left * zoom + dx,
    y: y + top * zoom + dy,
    width: w * zoom,
    height: h * zoom,
  }));
  return { box: { x, y, width, height }, rects };
}

/** The centre of the element nearest the middle of the canvas, from `elementsOnPage`. */
export function centralNode({ box, rects }) {
  const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  let best;
  for (const rect of rects) {
    const centre = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    const distance = Math.hypot(centre.x - middle.x, centre.y - middle.y);
    if (!best || distance < best.distance) best = { ...centre, distance };
  }
  return { x: best.x, y: best.y };
}

/**
 * A point of empty canvas near its middle, where a drag pans the view: on React Flow's pane and
 * at least 8 px away from every element of `elementsOnPage` (a far layer paints elements on it).
 */
export function emptyCanvasPoint({ box, rects }) {
  const clear = ({ x, y }) =>
    rects.every(
      (rect) =>
        x < rect.x - 8 ||
        x > rect.x + rect.width + 8 ||
        y < rect.y - 8 ||
        y > rect.y + rect.height + 8,
    );
  const candidates = [];
  for (let x = box.x + 20; x < box.x + box.width - 20; x += 4) {
    for (let y = box.y + 20; y < box.y + box.height - 20; y += 4) {
      candidates.push({
        x,
        y,
        distance: Math.hypot(x - box.x - box.width / 2, y - box.y - box.height / 2),
      });
    }
  }
  candidates.sort((a, b) => a.distance - b.distance);
  const empty = candidates.find(
    (point) =>
      clear(point) &&
      document.elementFromPoint(point.x, point.y)?.classList.contains('react-flow__pane'),
  );
  if (!empty) throw new Error('no empty canvas to pan from');
  return { x: empty.x, y: empty.y };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The canvas's zoom, from its viewport's transform. */
export function canvasZoom() {
  const viewport = document.querySelector('.tab-panel:not([hidden]) .react-flow__viewport');
  return new DOMMatrixReadOnly(viewport.style.transform).a;
}

/** Zooms the canvas to about 100% around its middle with the mouse wheel, as a person would. */
export async function zoomToActualSize(page) {
  const box = await page.locator('.tab-panel:not([hidden]) .react-flow').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const zoom = await page.evaluate(canvasZoom);
    if (Math.abs(zoom - 1) < 0.05) return;
    // React Flow zooms by 2^(-deltaY × 0.002) per wheel event (in pixels).
    await page.mouse.wheel(0, Math.log2(zoom) / 0.002);
    await sleep(200);
  }
  throw new Error('the canvas did not zoom to 100%');
}

/**
 * Presses the mouse at `from`, moves it to `to` at a steady pace over `durationMs` (a move every
 * 16 ms, as a hand gives them), and releases it.
 */
export async function glide(page, from, to, durationMs) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const steps = Math.round(durationMs / 16);
  const started = Date.now();
  for (let step = 1; step <= steps; step += 1) {
    const t = step / steps;
    await page.mouse.move(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
    await sleep(started + step * 16 - Date.now());
  }
  await page.mouse.up();
}
