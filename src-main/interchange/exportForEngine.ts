import { compileDocument } from '../../src-shared/compiler/compileDocument';
import { exportAsl, serializeAsl } from '../../src-shared/interchange/asl/exportAsl';
import {
  exportAsyncApi,
  serializeAsyncApi,
} from '../../src-shared/interchange/asyncapi/exportAsyncApi';
import { exportBpmn } from '../../src-shared/interchange/bpmn/exportBpmn';
import type { ExportReportItem } from '../../src-shared/interchange/exportReport';
import { exportXStateModule } from '../../src-shared/interchange/xstate/exportXStateModule';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { Diagnostic } from '../../src-shared/validation/Diagnostic';
import { validateAsl, validateAsyncApi } from './validateExports';

/**
 * The formats other tools and the engines teams deploy to take: BPMN 2.0, XState (JSON config or
 * TypeScript module), ASL, AsyncAPI.
 */
export const ENGINE_TARGETS = ['bpmn', 'xstate', 'xstate-ts', 'asl', 'asyncapi'] as const;
export type EngineTarget = (typeof ENGINE_TARGETS)[number];

/** How each target is named to people and which file it makes. */
export const ENGINE_FILES: Readonly<
  Record<EngineTarget, { readonly label: string; readonly suffix: string; readonly mime: string }>
> = {
  bpmn: { label: 'BPMN 2.0 XML', suffix: '.bpmn', mime: 'application/xml' },
  xstate: { label: 'XState machine (JSON)', suffix: '.xstate.json', mime: 'application/json' },
  'xstate-ts': { label: 'XState module (TypeScript)', suffix: '.machine.ts', mime: 'text/plain' },
  asl: { label: 'AWS Step Functions (ASL)', suffix: '.asl.json', mime: 'application/json' },
  asyncapi: { label: 'AsyncAPI 3.0', suffix: '.asyncapi.json', mime: 'application/json' },
};

/** What an export for an engine gave. */
export type EngineExport =
  /** The target cannot take a document of this kind (ASL for a map). */
  | { readonly outcome: 'refused'; readonly message: string }
  | { readonly outcome: 'not-compiled'; readonly diagnostics: readonly Diagnostic[] }
  /** The validator refused the result: a bug in the export, never written. */
  | {
      readonly outcome: 'invalid';
      readonly label: string;
      readonly messages: readonly string[];
      readonly diagnostics: readonly Diagnostic[];
      readonly report: readonly ExportReportItem[];
    }
  | {
      readonly outcome: 'exported';
      readonly label: string;
      readonly text: string;
      readonly diagnostics: readonly Diagnostic[];
      readonly report: readonly ExportReportItem[];
    };

const failed = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.some((diagnostic) => diagnostic.severity === 'error');

/**
 * Exports a document for an engine and checks the result with that format's validator
 * (asl-validator, @asyncapi/parser) before anyone gets it. The CLI and the app both use it.
 */
export async function exportForEngine(
  document: WorkflowDocument,
  target: EngineTarget,
): Promise<EngineExport> {
  const { label } = ENGINE_FILES[target];
  switch (target) {
    case 'bpmn':
      // BPMN takes every document as drawn (a map as a collaboration); nothing to compile.
      return {
        outcome: 'exported',
        label,
        text: exportBpmn(document),
        diagnostics: [],
        report: [],
      };
    case 'xstate': {
      const { text, diagnostics } = compileDocument(document);
      if (text === null || failed(diagnostics)) return { outcome: 'not-compiled', diagnostics };
      return { outcome: 'exported', label, text, diagnostics, report: [] };
    }
    case 'xstate-ts': {
      const { text, diagnostics } = exportXStateModule(document);
      if (text === null || failed(diagnostics)) return { outcome: 'not-compiled', diagnostics };
      return { outcome: 'exported', label, text, diagnostics, report: [] };
    }
    case 'asl': {
      const { definition, refused, diagnostics, report } = exportAsl(document);
      if (refused) return { outcome: 'refused', message: refused };
      if (!definition) return { outcome: 'not-compiled', diagnostics };
      const verdict = validateAsl(definition);
      if (!verdict.valid)
        return { outcome: 'invalid', label, messages: verdict.messages, diagnostics, report };
      return { outcome: 'exported', label, text: serializeAsl(definition), diagnostics, report };
    }
    case 'asyncapi': {
      const { document: asyncApi, refused, report } = exportAsyncApi(document);
      if (!asyncApi) return { outcome: 'refused', message: refused ?? 'nothing to export' };
      const verdict = await validateAsyncApi(asyncApi);
      if (!verdict.valid)
        return { outcome: 'invalid', label, messages: verdict.messages, diagnostics: [], report };
      return {
        outcome: 'exported',
        label,
        text: serializeAsyncApi(asyncApi),
        diagnostics: [],
        report,
      };
    }
  }
}
