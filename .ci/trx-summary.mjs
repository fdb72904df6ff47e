#!/usr/bin/env node
// Sums the <Counters> of every .trx file under a results directory (searched
// recursively, so any number of test projects works), lists failed tests and
// decides whether the test run is green.
//
// Usage: node .ci/trx-summary.mjs <results-dir> [--dotnet-exit-code N]
//
// Output ends with exactly one plain line that CI reads:
//   N passed, N failed, N skipped
// (skipped = notExecuted; see the note at `skipped` below)
// Exit code: 0 when green; 1 when dotnet test failed, a test failed, no test
// ran, or no TRX file was found. Plain Node, no packages: a fresh machine
// only has the .NET SDK and Node.js.

import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function usage() {
  console.error('usage: node trx-summary.mjs <results-dir> [--dotnet-exit-code N]');
  process.exit(2);
}

const args = process.argv.slice(2);
let resultsDir;
let dotnetExitCode = 0;
let expectedFiles = 0;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dotnet-exit-code') {
    const value = Number.parseInt(args[++i] ?? '', 10);
    if (Number.isNaN(value)) usage();
    dotnetExitCode = value;
  } else if (args[i] === '--expect-files') {
    // One TRX per test project: fewer means a project's results are missing (or two files collided).
    const value = Number.parseInt(args[++i] ?? '', 10);
    if (Number.isNaN(value)) usage();
    expectedFiles = value;
  } else if (resultsDir === undefined) {
    resultsDir = args[i];
  } else {
    usage();
  }
}
if (resultsDir === undefined) usage();

function findTrxFiles(dir) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTrxFiles(path));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.trx')) found.push(path);
  }
  return found.sort();
}

function decodeXml(text) {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function parseAttributes(tagText) {
  const attributes = {};
  for (const match of tagText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes[match[1]] = decodeXml(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

const counterNames = ['total', 'executed', 'passed', 'failed', 'notExecuted', 'error', 'timeout', 'aborted'];
const totals = Object.fromEntries(counterNames.map((name) => [name, 0]));
const failedTests = [];
const problems = [];

const trxFiles = findTrxFiles(resultsDir);
for (const file of trxFiles) {
  const xml = readFileSync(file, 'utf8');
  const countersTag = xml.match(/<Counters\b[^>]*>/);
  if (!countersTag) {
    problems.push(`TRX file has no <Counters> element (test run aborted?): ${file}`);
    continue;
  }
  const counters = parseAttributes(countersTag[0]);
  const fileCounts = {};
  for (const name of counterNames) {
    fileCounts[name] = Number.parseInt(counters[name] ?? '0', 10) || 0;
    totals[name] += fileCounts[name];
  }
  console.log(
    `  ${relative(process.cwd(), file)}: total=${fileCounts.total} executed=${fileCounts.executed} ` +
      `passed=${fileCounts.passed} failed=${fileCounts.failed} skipped=${Math.max(fileCounts.notExecuted, fileCounts.total - fileCounts.executed)}`,
  );

  // <UnitTestResult ... testName="..." ... outcome="Failed" ...> ... <Message>...</Message>
  for (const match of xml.matchAll(/<UnitTestResult\b([^>]*?)(\/?)>/g)) {
    const attributes = parseAttributes(match[1]);
    if (attributes.outcome !== 'Failed') continue;
    let message = '';
    if (match[2] !== '/') {
      const end = xml.indexOf('</UnitTestResult>', match.index);
      const body = end === -1 ? '' : xml.slice(match.index, end);
      const messageMatch = body.match(/<Message>([\s\S]*?)<\/Message>/);
      if (messageMatch) message = decodeXml(messageMatch[1]).trim().split(/\r?\n/)[0];
    }
    failedTests.push({ name: attributes.testName ?? '(unnamed test)', message });
  }
}

const passed = totals.passed;
const failed = totals.failed;
// The VSTest TRX logger (Test SDK 18) writes skipped tests as
// outcome="NotExecuted" but leaves Counters/@notExecuted at 0; they only show
// up as total - executed. Take whichever is larger so either behaviour works.
const skipped = Math.max(totals.notExecuted, totals.total - totals.executed);

if (failedTests.length > 0) {
  console.log('');
  console.log(`Failed tests (${failedTests.length}):`);
  for (const test of failedTests) {
    console.log(`  FAILED ${test.name}${test.message ? ` -- ${test.message}` : ''}`);
  }
}

if (trxFiles.length === 0) {
  problems.push(`no TRX file was produced under ${resultsDir} (did dotnet test run any test project?)`);
} else if (trxFiles.length < expectedFiles) {
  problems.push(`${trxFiles.length} TRX file(s) found but ${expectedFiles} test project(s) ran: some results are missing`);
}
if (dotnetExitCode !== 0) {
  problems.push(`dotnet test exited with code ${dotnetExitCode}`);
}
if (failed > 0) {
  problems.push(`${failed} test(s) failed`);
}
const abnormal = totals.error + totals.timeout + totals.aborted;
if (abnormal > 0) {
  problems.push(`${abnormal} test(s) ended in error/timeout/aborted`);
}
if (trxFiles.length > 0 && totals.executed === 0 && passed + failed === 0) {
  problems.push('zero tests ran (no test executed in any test project)');
}

console.log('');
if (problems.length > 0) {
  for (const problem of problems) console.log(`TEST RUN FAILED: ${problem}`);
} else {
  console.log(`Test run OK: ${trxFiles.length} TRX file(s), ${totals.executed} test(s) executed.`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(problems.length > 0 ? 1 : 0);
