// Decodes and encodes Confluent wire-format Avro with @kafkajs/confluent-schema-registry, an implementation
// independent of Newswire's. Used by ConfluentClientInteropIntegrationTest.
//   node codec.mjs decode REGISTRY_URL            stdin: base64 record values, one per line -> stdout: JSON, one per line
//   node codec.mjs encode REGISTRY_URL SUBJECT    stdin: JSON values, one per line -> stdout: base64 framed bytes
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { createInterface } from 'node:readline';

const [mode, host, subject] = process.argv.slice(2);
const registry = new SchemaRegistry({ host });
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });

for await (const line of lines) {
  if (!line.trim()) continue;
  if (mode === 'decode') {
    const value = await registry.decode(Buffer.from(line, 'base64'));
    process.stdout.write(JSON.stringify(value, (k, v) => (typeof v === 'bigint' ? v.toString() : v)) + '\n');
  } else if (mode === 'encode') {
    const id = await registry.getLatestSchemaId(subject);
    const bytes = await registry.encode(id, JSON.parse(line));
    process.stdout.write(bytes.toString('base64') + '\n');
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}
