/** Runs one case in this process and prints its result with the process's peak RSS. */
import type { BenchCase, BenchSize } from './types';

const [file, name, size] = process.argv.slice(2) as [string, string, BenchSize];
const mod = (await import(file)) as { cases: BenchCase[] };
const c = mod.cases.find((x) => x.name === name);
if (!c) throw new Error(`no case ${name} in ${file}`);
const result = await c.run(size);
const peakRssMb = result.peakRssMb ?? process.resourceUsage().maxRSS / 1024;
process.stdout.write(`\n@@RESULT ${JSON.stringify({ ...result, peakRssMb })}\n`);
