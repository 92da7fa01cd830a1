/**
 * The part of bpmn-moddle 10 that Baton uses. The package ships generated types only under
 * `bpmn-moddle/types`, not at its main entry, so the entry is declared here.
 */
declare module 'bpmn-moddle' {
  /** One parsed XML element: its BPMN properties, `$type`, foreign attributes in `$attrs`. */
  export interface ModdleElement {
    readonly $type: string;
    readonly $attrs?: Readonly<Record<string, string>>;
    readonly $parent?: ModdleElement;
    readonly $body?: string;
    readonly $children?: readonly ModdleElement[];
    readonly [property: string]: unknown;
  }

  export interface ParseWarning {
    readonly message: string;
    readonly element?: ModdleElement;
    readonly property?: string;
  }

  export interface ParseResult {
    readonly rootElement: ModdleElement;
    readonly elementsById: Readonly<Record<string, ModdleElement>>;
    readonly warnings: readonly ParseWarning[];
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
  }
}
