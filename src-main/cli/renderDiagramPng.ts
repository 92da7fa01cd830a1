import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { pngScale } from '../../src-shared/diagram/pngScale';
import { renderDiagram } from '../../src-shared/diagram/renderDiagramSvg';
import type { WorkflowDocument } from '../../src-shared/model/document';

/** The app's PNG export draws at twice the SVG's size; the command line does the same. */
export const PNG_SCALE = 2;

const resolveModule = createRequire(import.meta.url).resolve;

/**
 * The fonts the PNG is drawn with: DejaVu Sans, shipped with the project (`dejavu-fonts-ttf`), so
 * that the picture is the same on every machine, with or without fonts installed.
 */
function fontFiles(): string[] {
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
    resolveModule(`dejavu-fonts-ttf/ttf/${file}`),
  );
}

/**
 * The diagram as a PNG: the SVG of `renderDiagram` (the same picture the app exports), drawn by
 * resvg at `scale` times its size (less for a huge diagram, see `pngScale`) on its own background.
 */
export function renderDiagramPng(doc: WorkflowDocument, scale = PNG_SCALE): Uint8Array {
  const diagram = renderDiagram(doc);
  const resvg = new Resvg(diagram.svg, {
    fitTo: { mode: 'zoom', value: pngScale(diagram.width, diagram.height, scale) },
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
