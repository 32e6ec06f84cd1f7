import { describe, expect, it } from 'vitest';
import { $Enums, Prisma } from '../../src/generated/prisma/client.ts';
import { rawPool, testDb } from '../db.ts';

/**
 * schema.prisma and prisma/migrations are both written by hand here (nothing on these machines
 * can diff them), so this test is what keeps them in step: every model and field of the
 * generated client must be a table and column of the migrated database, and the other way
 * round, with matching types, nullability and enum values.
 */

interface RuntimeField {
  name: string;
  kind: 'scalar' | 'enum' | 'object';
  type: string;
  dbName?: string | null;
}
interface RuntimeModel {
  dbName: string | null;
  fields: RuntimeField[];
}

// NOTE: the client's runtime data model (what it builds its SQL from, @map names included)
// and its embedded schema are internal properties. If a Prisma upgrade moves them, the guards
// below fail loudly rather than letting this test compare nothing.
const internals = testDb() as unknown as {
  _runtimeDataModel?: { models: Record<string, RuntimeModel> };
  _engineConfig?: { inlineSchema?: string };
};
const runtimeModels = internals._runtimeDataModel?.models ?? {};
const inlineSchema = internals._engineConfig?.inlineSchema ?? '';

interface Column {
  table: string;
  name: string;
  dataType: string;
  columnType: string;
  nullable: boolean;
}

async function databaseColumns(): Promise<Column[]> {
  const rows = await rawPool().query<(Omit<Column, 'nullable'> & { nullable: number | bigint })[]>(
    `SELECT TABLE_NAME AS \`table\`, COLUMN_NAME AS name, DATA_TYPE AS dataType,
            COLUMN_TYPE AS columnType, IS_NULLABLE = 'YES' AS nullable
       FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> '_prisma_migrations'`,
  );
  return rows.map((r) => ({ ...r, nullable: Number(r.nullable) === 1 }));
}

/** Each model's fields as the client sees them: column name, Prisma type, optional or not. */
function clientModels() {
  return Object.values(Prisma.ModelName).map((model) => {
    const runtime = runtimeModels[model];
    const scalars = (runtime?.fields ?? []).filter((f) => f.kind !== 'object');
    return {
      model,
      table: runtime?.dbName ?? model,
      fields: scalars.map((f) => ({
        name: f.name,
        column: f.dbName ?? f.name,
        kind: f.kind,
        type: f.type,
        optional: optionalFields(model).has(f.name),
      })),
    };
  });
}

/** Names of the fields marked `Type?` in the model's block of the client's schema. */
function optionalFields(model: string): Set<string> {
  const block =
    new RegExp(`^model ${model} \\{([\\s\\S]*?)^\\}`, 'm').exec(inlineSchema)?.[1] ?? '';
  return new Set([...block.matchAll(/^\s+(\w+)\s+\w+\?/gm)].map((m) => m[1]!));
}

function enumValues(name: string): Record<string, string> {
  return ($Enums as unknown as Record<string, Record<string, string>>)[name] ?? {};
}

/** The MySQL column types each Prisma scalar type may be stored in. */
const storage: Record<string, string[]> = {
  Int: ['int', 'tinyint', 'smallint', 'mediumint'],
  BigInt: ['bigint'],
  String: ['varchar', 'char', 'text', 'tinytext', 'mediumtext', 'longtext'],
  Boolean: ['tinyint'],
  DateTime: ['datetime', 'date', 'timestamp', 'time'],
  Float: ['double', 'float'],
  Decimal: ['decimal'],
  Json: ['json', 'longtext'],
  Bytes: ['blob', 'longblob', 'varbinary', 'binary'],
};

describe('schema.prisma and the migrations', () => {
  it('can read the generated client’s data model', () => {
    expect(inlineSchema).toContain('model Slot {');
    for (const model of Object.values(Prisma.ModelName)) {
      const scalarEnum = (Prisma as unknown as Record<string, Record<string, string>>)[
        `${model}ScalarFieldEnum`
      ];
      const runtimeScalars = runtimeModels[model]?.fields.filter((f) => f.kind !== 'object');
      expect(runtimeScalars?.map((f) => f.name).sort(), model).toEqual(
        Object.keys(scalarEnum ?? {}).sort(),
      );
    }
  });

  it('has a table for every model and a model for every table', async () => {
    const tables = new Set((await databaseColumns()).map((c) => c.table));
    const modelTables = new Set(clientModels().map((m) => m.table));

    expect([...tables].sort()).toEqual([...modelTables].sort());
  });

  it('has a column for every field and a field for every column, of a matching type', async () => {
    const columns = await databaseColumns();
    const problems: string[] = [];
    for (const { model, table, fields } of clientModels()) {
      const tableColumns = columns.filter((c) => c.table === table);
      for (const column of tableColumns.filter((c) => !fields.some((f) => f.column === c.name))) {
        problems.push(`${table}.${column.name}: a column no field of ${model} maps to`);
      }
      for (const field of fields) {
        const where = `${model}.${field.name} (${table}.${field.column})`;
        const column = tableColumns.find((c) => c.name === field.column);
        if (!column) {
          problems.push(`${where}: no such column`);
          continue;
        }
        if (column.nullable !== field.optional) {
          problems.push(
            `${where}: ${field.optional ? 'optional' : 'required'} field, ${column.nullable ? 'NULL' : 'NOT NULL'} column`,
          );
        }
        if (field.kind === 'enum') {
          const values = Object.values(enumValues(field.type));
          const expected = `enum(${values.map((v) => `'${v}'`).join(',')})`;
          if (column.columnType !== expected)
            problems.push(`${where}: ${column.columnType}, expected ${expected}`);
        } else if (!storage[field.type]?.includes(column.dataType)) {
          problems.push(`${where}: a ${field.type} field in a ${column.columnType} column`);
        }
      }
    }

    expect(problems).toEqual([]);
  });

  it('keeps a boolean field in a TINYINT(1) column', async () => {
    const columns = await databaseColumns();
    for (const { table, fields } of clientModels()) {
      for (const field of fields.filter((f) => f.type === 'Boolean')) {
        const column = columns.find((c) => c.table === table && c.name === field.column);
        expect(column?.columnType, `${table}.${field.column}`).toBe('tinyint(1)');
      }
    }
  });
});
