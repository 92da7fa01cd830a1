import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_JSON_SCHEMA_PATH, documentJsonSchema } from './documentJsonSchema';

const schemaFile = join(import.meta.dirname, '..', '..', DOCUMENT_JSON_SCHEMA_PATH);
const thisTest = 'src-shared/format/documentJsonSchema.test.ts';

/** The schema as the committed file holds it: generated, then formatted like every file. */
async function freshSchemaText(): Promise<string> {
  const options = await resolveConfig(schemaFile);
  return format(JSON.stringify(documentJsonSchema()), { ...options, filepath: schemaFile });
}

function committedSchemaText(): string {
  try {
    return readFileSync(schemaFile, 'utf8');
  } catch {
    return '(missing)';
  }
}

describe('documentJsonSchema', () => {
  it('given the committed schema file, then it equals a fresh generation from the zod schema', async () => {
    const fresh = await freshSchemaText();
    if (process.env.BATON_UPDATE_SCHEMA === '1') writeFileSync(schemaFile, fresh);

    const committed = committedSchemaText();

    expect(
      committed === fresh,
      `${DOCUMENT_JSON_SCHEMA_PATH} is out of date with src-shared/model. Regenerate it with\n` +
        `  BATON_UPDATE_SCHEMA=1 npx vitest run ${thisTest}\nand commit the result.`,
    ).toBe(true);
  });

  it('given the generated schema, then it names its parts and describes the whole document', () => {
    const schema = documentJsonSchema();

    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Baton workflow document',
      type: 'object',
      required: ['formatVersion', 'kind', 'model', 'diagram'],
      additionalProperties: false,
      properties: { formatVersion: { const: 1 } },
    });
    expect(Object.keys(schema.$defs as object)).toEqual(
      expect.arrayContaining(['Element', 'ServiceTask', 'Connection', 'Shape', 'Catalog']),
    );
  });

  it('given the diagram records, then their keys must be element ids, which rules out "__proto__"', () => {
    const schema = documentJsonSchema() as {
      properties: { diagram: { properties: { shapes: object } } };
      $defs: { ElementId: { pattern: string } };
    };

    expect(schema.properties.diagram.properties.shapes).toMatchObject({
      propertyNames: { $ref: '#/$defs/ElementId' },
      additionalProperties: { $ref: '#/$defs/Shape' },
    });
    expect(new RegExp(schema.$defs.ElementId.pattern).test('__proto__')).toBe(false);
  });
});
