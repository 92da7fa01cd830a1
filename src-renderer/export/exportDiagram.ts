import { pngScale } from '../../src-shared/diagram/pngScale';
import { renderDiagram, type RenderedDiagram } from '../../src-shared/diagram/renderDiagramSvg';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { downloadBlob } from '../ui/downloadBlob';

/** Characters that some file system refuses in a name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FILE_NAMES = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

/**
 * `<document name>.<extension>`, with what a file system may refuse replaced by "-" (the rule
 * the JSON export's `<name>.baton.json` follows).
 */
export function diagramFileName(doc: WorkflowDocument, extension: 'svg' | 'png'): string {
  const base = (doc.name ?? '')
    .replace(/\s+/g, ' ')
    .replace(UNSAFE_IN_FILE_NAMES, '-')
    .replace(/^[\s.-]+|[\s.-]+$/g, '');
  return `${base || 'workflow'}.${extension}`;
}

/** Downloads the diagram as `<name>.svg`, exactly the text `renderDiagramSvg` gives. */
export function downloadSvg(doc: WorkflowDocument): void {
  const { svg } = renderDiagram(doc);
  downloadBlob(diagramFileName(doc, 'svg'), new Blob([svg], { type: 'image/svg+xml' }));
}

/** Downloads the diagram as `<name>.png`, `scale` device pixels per diagram unit. */
export async function downloadPng(doc: WorkflowDocument, scale = 2): Promise<void> {
  const png = await rasterize(renderDiagram(doc), scale);
  downloadBlob(diagramFileName(doc, 'png'), png);
}

/** The SVG drawn into an `<img>`, then onto a canvas `scale` times its size, as a PNG. */
async function rasterize(diagram: RenderedDiagram, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([diagram.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const factor = pngScale(diagram.width, diagram.height, scale);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(diagram.width * factor);
    canvas.height = Math.round(diagram.height * factor);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This window cannot draw the picture (no 2D canvas).');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
