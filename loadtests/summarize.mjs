// Prints the Markdown results table of docs/performance.md from the tool's result.json files.
//   node loadtests/summarize.mjs artifacts/loadtests/latest/*/result.json
import { readFileSync } from 'node:fs';

const fmt = (v) => (v === null || v === undefined ? 'n/a' : Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : String(Math.round(v * 1000) / 1000));

console.log('| scenario | target | metric | value | ratio |');
console.log('| --- | --- | --- | --- | --- |');
for (const file of process.argv.slice(2)) {
  const result = JSON.parse(readFileSync(file, 'utf8'));
  for (const target of result.targets) {
    const ratioOf = (metric) => result.ratios.find((r) => r.numerator === target.name && r.metric === metric);
    const rows = [
      ...Object.entries(target.metrics).filter(([name]) => !['joined', 'sent', 'delivered', 'groups', 'participants'].includes(name)),
      ...Object.entries(target.latencies).flatMap(([name, l]) => [[`${name}.p50`, l.p50], [`${name}.p99`, l.p99], [`${name}.max`, l.max]]),
    ];
    for (const [metric, value] of rows) {
      const ratio = ratioOf(metric);
      console.log(`| ${result.scenario} | ${target.name} | ${metric}${metric.includes('.p') || metric.endsWith('.max') ? ' (ms)' : ''} | ${fmt(value)} | ${ratio ? `${fmt(ratio.value)} × ${ratio.denominator}` : ''} |`);
    }
    for (const problem of target.problems) {
      console.log(`| ${result.scenario} | ${target.name} | problem | ${problem.replaceAll('|', '/')} | |`);
    }
  }
}
