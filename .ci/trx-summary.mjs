#!/usr/bin/env node
// Reads the TRX files of a test run, one results folder per test project, lists what failed or
// skipped and decides whether the run is green.
//
// Usage: node .ci/trx-summary.mjs <results-dir> --floors <floors.json> [--dotnet-exit-code N]...
//
// <results-dir> holds one folder per test project (named like the project), each with that
// project's TRX file; build.sh lays it out that way. <floors.json> maps every test project to the
// least number of tests it must execute (tests/test-floors.json).
//
// Output ends with exactly one plain line that CI reads:
//   N passed, N failed, N skipped
// Exit code 0 only when every test project in the floors file produced a TRX file, executed at
// least its floor and more than zero tests, nothing failed, errored, timed out or was skipped, no
// results folder belongs to a project missing from the floors file, and every dotnet test run
// exited 0. Plain Node, no packages: a fresh machine only has the .NET SDK and Node.js.

import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function usage() {
  console.error('usage: node trx-summary.mjs <results-dir> --floors <floors.json> [--dotnet-exit-code N]...');
  process.exit(2);
}

const args = process.argv.slice(2);
let resultsDir;
let floorsFile;
const dotnetExitCodes = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dotnet-exit-code') {
    const value = Number.parseInt(args[++i] ?? '', 10);
    if (Number.isNaN(value)) usage();
    dotnetExitCodes.push(value);
  } else if (args[i] === '--floors') {
    floorsFile = args[++i];
    if (floorsFile === undefined) usage();
  } else if (resultsDir === undefined) {
    resultsDir = args[i];
  } else {
    usage();
  }
}
if (resultsDir === undefined || floorsFile === undefined) usage();

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

// One project's TRX: counts taken from the individual results, not from <Counters> (the VSTest
// TRX logger leaves Counters/@notExecuted at 0 for skipped tests).
function readTrx(file) {
  const xml = readFileSync(file, 'utf8');
  const counts = { results: 0, passed: 0, failed: 0, skipped: 0, other: 0 };
  const failed = [];
  const skipped = [];
  const other = [];
  for (const match of xml.matchAll(/<UnitTestResult\b([^>]*?)(\/?)>/g)) {
    const attributes = parseAttributes(match[1]);
    const name = attributes.testName ?? '(unnamed test)';
    counts.results++;
    let message = '';
    let more = '';
    if (match[2] !== '/') {
      const end = xml.indexOf('</UnitTestResult>', match.index);
      const body = end === -1 ? '' : xml.slice(match.index, end);
      const messageMatch = body.match(/<Message>([\s\S]*?)<\/Message>/);
      // The first line, and for a message of several lines (the page errors a browser test collected) the
      // next few too: the cause is often in them. Capped so that a long message cannot flood the log.
      if (messageMatch) {
        const lines = decodeXml(messageMatch[1]).trim().split(/\r?\n/);
        message = lines[0];
        more = lines.slice(1, 6).map((line) => `\n      | ${line.slice(0, 400)}`).join('');
        if (lines.length > 6) more += `\n      | (${lines.length - 6} more line(s) in the TRX)`;
      }
      // Where it failed (a timeout's message alone does not say which step): the first source lines of the stack.
      const stackMatch = body.match(/<StackTrace>([\s\S]*?)<\/StackTrace>/);
      if (stackMatch) {
        const frames = [...decodeXml(stackMatch[1]).matchAll(/ in (?:.*[\\/])?([^\\/\s]+\.cs):line (\d+)/g)]
          .map((frame) => `${frame[1]}:${frame[2]}`);
        if (frames.length > 0) message += ` (at ${[...new Set(frames)].slice(0, 3).join(' < ')})`;
      }
      message += more;
    }
    switch (attributes.outcome) {
      case 'Passed':
        counts.passed++;
        break;
      case 'Failed':
        counts.failed++;
        failed.push({ name, message });
        break;
      case 'NotExecuted':
        counts.skipped++;
        skipped.push({ name, message });
        break;
      default:
        // Error, Timeout, Aborted, Inconclusive...: never green.
        counts.other++;
        other.push({ name, message: `${attributes.outcome ?? 'no outcome'}${message ? `: ${message}` : ''}` });
    }
  }
  const countersTag = xml.match(/<Counters\b[^>]*>/);
  const counters = countersTag ? parseAttributes(countersTag[0]) : undefined;
  return { counts, failed, skipped, other, hasCounters: countersTag !== null, counters };
}

const floors = JSON.parse(readFileSync(floorsFile, 'utf8'));
const problems = [];
const totals = { passed: 0, failed: 0, skipped: 0, other: 0 };
const failedTests = [];
const skippedTests = [];

const projectDirs = existsSync(resultsDir)
  ? readdirSync(resultsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
  : [];
for (const dir of projectDirs) {
  if (!(dir in floors)) {
    problems.push(`${dir}: test project has no floor in ${floorsFile} (add one with its executed count)`);
  }
}

for (const [project, floor] of Object.entries(floors)) {
  if (project.startsWith('$')) continue; // "$comment" and friends
  const trxFiles = findTrxFiles(join(resultsDir, project));
  if (trxFiles.length === 0) {
    problems.push(`${project}: no TRX file (the project did not run, or its test host crashed)`);
    continue;
  }
  if (trxFiles.length > 1) {
    problems.push(`${project}: ${trxFiles.length} TRX files where one was expected`);
  }
  let executed = 0;
  for (const file of trxFiles) {
    const trx = readTrx(file);
    if (!trx.hasCounters) problems.push(`${project}: TRX file has no <Counters> element (run aborted?): ${file}`);
    executed += trx.counts.passed + trx.counts.failed + trx.counts.other;
    totals.passed += trx.counts.passed;
    totals.failed += trx.counts.failed;
    totals.skipped += trx.counts.skipped;
    totals.other += trx.counts.other;
    failedTests.push(...trx.failed.map((t) => ({ ...t, project })), ...trx.other.map((t) => ({ ...t, project })));
    skippedTests.push(...trx.skipped.map((t) => ({ ...t, project })));
    console.log(
      `  ${relative(process.cwd(), file)}: executed=${trx.counts.passed + trx.counts.failed + trx.counts.other} ` +
        `passed=${trx.counts.passed} failed=${trx.counts.failed} skipped=${trx.counts.skipped}` +
        (trx.counts.other > 0 ? ` error/timeout/aborted=${trx.counts.other}` : ''),
    );
  }
  if (executed === 0) {
    problems.push(`${project}: zero tests executed`);
  } else if (executed < floor) {
    problems.push(
      `${project}: ${executed} tests executed, below its floor of ${floor} in ${floorsFile} ` +
        '(a test class or project stopped being discovered, or tests were removed without lowering the floor)',
    );
  } else if (executed > floor) {
    console.log(`  ${project}: ${executed} executed, floor ${floor}: raise the floor in ${floorsFile} to ${executed}`);
  }
}

if (failedTests.length > 0) {
  console.log('');
  console.log(`Failed tests (${failedTests.length}):`);
  for (const test of failedTests) {
    console.log(`  FAILED [${test.project}] ${test.name}${test.message ? ` -- ${test.message}` : ''}`);
  }
}
if (skippedTests.length > 0) {
  console.log('');
  console.log(`Skipped tests (${skippedTests.length}): a skipped test fails the run`);
  for (const test of skippedTests) {
    console.log(`  SKIPPED [${test.project}] ${test.name}${test.message ? ` -- ${test.message}` : ''}`);
  }
  problems.push(`${skippedTests.length} test(s) skipped`);
}
dotnetExitCodes.forEach((code) => {
  if (code !== 0) problems.push(`a dotnet test run exited with code ${code}`);
});
if (totals.failed > 0) problems.push(`${totals.failed} test(s) failed`);
if (totals.other > 0) problems.push(`${totals.other} test(s) ended in error/timeout/aborted`);

console.log('');
if (problems.length > 0) {
  for (const problem of problems) console.log(`TEST RUN FAILED: ${problem}`);
} else {
  console.log(`Test run OK: every test project ran at least its floor (${floorsFile}).`);
}
// Error/timeout/aborted results count as failed in the closing line: they are not passes.
console.log(`${totals.passed} passed, ${totals.failed + totals.other} failed, ${totals.skipped} skipped`);
process.exit(problems.length > 0 ? 1 : 0);
