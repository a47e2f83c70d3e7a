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
// each recognizer and model made once, as a pipeline would keep them: the
// packages' recognizeX(text, culture) helpers build a new recognizer on
// every call (12% slower here)
const units = new nwu.NumberWithUnitRecognizer(culture);
const dates = new dt.DateTimeRecognizer(culture);
const models = [units.getDimensionModel(culture), units.getCurrencyModel(culture),
  units.getTemperatureModel(culture), units.getAgeModel(culture), dates.getDateTimeModel(culture)];
if (num) {
  const numbers = new num.NumberRecognizer(culture);
  models.push(numbers.getNumberModel(culture), numbers.getPercentageModel(culture));
}

const limit = Number(process.env.PEER_BYTES || 32000);
const texts = [];
let bytes = 0;
for (const f of process.argv.slice(2)) {
  if (bytes >= limit) break;
  const t = fs.readFileSync(f, 'utf8');
  for (const line of t.split('\n')) if (line.trim()) texts.push(line);
  bytes += Buffer.byteLength(t);
}
for (const m of models) m.parse('warm up: 12 km on 3 May 1999, 40% of $5');
const t0 = process.hrtime.bigint();
let entities = 0;
for (const t of texts)
  for (const m of models) entities += m.parse(t).length;
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`${bytes} ${s.toFixed(3)} ${entities}`);
