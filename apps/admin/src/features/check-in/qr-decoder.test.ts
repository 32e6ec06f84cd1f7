import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
} from '@zxing/library';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';

const CODE = 'SB-7K3Q9P.9F2C07A1D4E85B3C6A';

/** The QR the devotee site draws for a check-in code, as grey pixels with a quiet zone. */
function qrImage(text: string, scale = 6, margin = 4) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'Q' });
  const size = qr.modules.size;
  const side = (size + 2 * margin) * scale;
  const pixels = new Uint8ClampedArray(side * side).fill(255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!qr.modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = (y + margin) * scale + dy;
        pixels.fill(0, row * side + (x + margin) * scale, row * side + (x + margin + 1) * scale);
      }
    }
  }
  return { qr, pixels, side };
}

/** What the gate's camera path does with a frame: ZXing's QR reader, as @zxing/browser uses. */
function decode(pixels: Uint8ClampedArray, side: number): string {
  const source = new RGBLuminanceSource(pixels, side, side);
  const hints = new Map([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]]]);
  return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
}

describe('reading a check-in QR code', () => {
  it('fits a version 2 symbol at error correction Q', () => {
    expect(qrImage(CODE).qr.version).toBe(2);
  });

  it('decodes the code the devotee site draws', () => {
    const { pixels, side } = qrImage(CODE);
    expect(decode(pixels, side)).toBe(CODE);
  });

  it('still decodes with a scratch across the symbol, as on a cracked screen', () => {
    const { pixels, side } = qrImage(CODE);
    // A black crack two pixels wide across the data, clear of the three finder patterns.
    const middle = Math.floor(side / 2);
    for (let x = Math.floor(side * 0.3); x < Math.floor(side * 0.8); x++) {
      for (const d of [0, 1]) pixels[(middle + d + Math.floor(x / 12)) * side + x] = 0;
    }
    expect(decode(pixels, side)).toBe(CODE);
  });
});
