// peer.js: the benchmark's peer, Microsoft Recognizers-Text (English), run
// over the files given until PEER_BYTES (default 32000) have been read, one
// line (paragraph) at a time: whole 3 KB pages are several times slower.
// Prints one line: bytes seconds entities (model load and warm-up excluded).
'use strict';
const fs = require('fs');
const nwu = require('@microsoft/recognizers-text-number-with-unit');
const dt = require('@microsoft/recognizers-text-date-time');
let num = null;
try {
  num = require('@microsoft/recognizers-text-number'); // installed with the unit package
} catch (e) {
  num = null;
}
const culture = 'en-us';
const recognizers = [nwu.recognizeDimension, nwu.recognizeCurrency, nwu.recognizeTemperature,
  nwu.recognizeAge, dt.recognizeDateTime];
if (num) recognizers.push(num.recognizeNumber, num.recognizePercentage);

const limit = Number(process.env.PEER_BYTES || 32000);
const texts = [];
let bytes = 0;
for (const f of process.argv.slice(2)) {
  if (bytes >= limit) break;
  const t = fs.readFileSync(f, 'utf8');
  for (const line of t.split('\n')) if (line.trim()) texts.push(line);
  bytes += Buffer.byteLength(t);
}
for (const r of recognizers) r('warm up: 12 km on 3 May 1999, 40% of $5', culture);
const t0 = process.hrtime.bigint();
let entities = 0;
for (const t of texts)
  for (const r of recognizers) entities += r(t, culture).length;
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`${bytes} ${s.toFixed(3)} ${entities}`);
