import type { Handlers } from '../../src-shared/contract/contract';
import { BatonError } from '../../src-shared/contract/errors';
import { loadDocument } from '../../src-shared/format/loadDocument';
import { ENGINE_FILES, exportForEngine } from '../interchange/exportForEngine';

export interface EngineExportDeps {
  /** The Baton JSON export of a draft: named after its workflow, with the catalog it uses. */
  readonly exportDocument: Handlers['workflows.export'];
}

/**
 * Exports for the engines teams deploy to, on the main side only: the validators
 * (asl-validator, @asyncapi/parser) are Node libraries and never reach the renderer.
 */
export function createEngineExportHandlers(
  deps: EngineExportDeps,
): Pick<Handlers, 'workflows.exportFor'> {
  return {
    /**
     * Starts from the draft's Baton JSON export (so the payload schemas come from the catalog it
     * uses), exports it for `format` and validates the result before handing it over.
     */
    'workflows.exportFor': async ({ id, format }) => {
      const base = await deps.exportDocument({ id });
      const loaded = loadDocument(base.text);
      if (!loaded.ok)
        throw new BatonError('internal', `the draft cannot be read: ${loaded.message}`);
      const exported = await exportForEngine(loaded.document, format);
      const { label, suffix, mime } = ENGINE_FILES[format];
      switch (exported.outcome) {
        case 'refused':
          throw new BatonError('invalid-input', `${label}: ${exported.message}`);
        case 'not-compiled': {
          const errors = exported.diagnostics.filter((d) => d.severity === 'error');
          throw new BatonError(
            'invalid-input',
            `${label}: the draft does not compile (${errors.length} error${errors.length === 1 ? '' : 's'}; see Problems)`,
            errors.map((d) => ({ path: d.elementId ?? '(document)', message: d.message })),
          );
        }
        case 'invalid':
          throw new BatonError(
            'internal',
            `the ${label} export does not validate: ${exported.messages.join('; ')}`,
          );
        case 'exported':
          return {
            fileName: base.fileName.replace(/\.baton\.json$/, suffix),
            mimeType: mime,
            text: exported.text,
            report: [...exported.report],
          };
      }
    },
  };
}
